import type { Rule } from './validate.js';

/**
 * Fault switches for tests. Set them per agent in `metadata.simulator`, per simulator in
 * `startSimulator({ faults })`, or per live session with `POST /v1/sessions/{id}/faults` (API key).
 * Later sources win: simulator < agent < session. Semantics (times count from `bot-ready`):
 * - `rejectOffer`: the offer endpoint answers 403 `offer_rejected`; Pipecat's transport gives up at once.
 * - `neverReady`: `client-ready` is never answered, so the client's `connect()` never resolves.
 * - `dropNetworkAfterMs` + `dropSeconds`: the agent's peer connection vanishes without a word (no
 *   `peerLeft`) and offers are refused with 503 for `dropSeconds`. The browser sees ICE go
 *   `disconnected`/`failed`; Pipecat's transport re-offers with `restart_pc` (after its 5 s wait, then
 *   every 2 s, 3 attempts). An offer after the drop gets a new connection to the same session, whose
 *   conversation continues. A drop longer than the client's attempts ends in its transport error.
 * - `endAfterMs`: the agent ends the call itself (`peerLeft` signalling, then closes).
 */
export interface SimulatorFaults {
  rejectOffer?: boolean;
  neverReady?: boolean;
  dropNetworkAfterMs?: number;
  dropSeconds?: number;
  endAfterMs?: number;
}

const ms: Rule = { type: 'integer', min: 0, max: 86_400_000 };
export const faultRules: Record<string, Rule> = {
  rejectOffer: { type: 'boolean' },
  neverReady: { type: 'boolean' },
  dropNetworkAfterMs: ms,
  dropSeconds: { type: 'integer', min: 1, max: 3_600 },
  endAfterMs: ms,
};

/** The faults an agent's metadata asks for; malformed entries are ignored rather than failing a call. */
export function agentFaults(metadata: Record<string, unknown> | undefined): SimulatorFaults {
  const raw = metadata?.simulator;
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(faultRules)) {
    const v = (raw as Record<string, unknown>)[key];
    if (rule.type === 'boolean' ? typeof v === 'boolean' : Number.isInteger(v) && (v as number) >= 0) out[key] = v;
  }
  return out as SimulatorFaults;
}
