import type { AgentTransport, TransportLoader } from '../transports/types.js';
import { IwyAgentError } from './errors.js';
import type { SessionInfo } from './session-info.js';

/** How long ending a call may wait for the transport to hang up before the state moves on. */
export const DISCONNECT_TIMEOUT_MS = 3000;

type TimerName = 'ready' | 'reconnect';

/**
 * Everything one start() owns, released together: its AbortController (whose signal flows through
 * the session request, the microphone and the transport), timers, mic track and transport.
 */
export class CallAttempt {
  readonly #abort = new AbortController();
  readonly #timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
  #released: Promise<void> | undefined;
  mic: MediaStreamTrack | undefined;
  transport: AgentTransport | undefined;
  /** performance.now() when media connected; a call "happened" only from then on. */
  connectedAt: number | undefined;
  agentReady = false;

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** True once released: late results and callbacks of this attempt are ignored. */
  get over(): boolean {
    return this.#released !== undefined;
  }

  /** Milliseconds since media connected, or undefined when it never did. */
  durationMs(): number | undefined {
    return this.connectedAt === undefined ? undefined : Math.round(performance.now() - this.connectedAt);
  }

  adoptMic(track: MediaStreamTrack): void {
    this.mic = track;
    if (this.over) track.stop();
  }

  /** Loads the adapter for the session; a chunk that fails to load is a transport failure. */
  async loadTransport(load: TransportLoader, session: SessionInfo): Promise<AgentTransport> {
    let transport: AgentTransport;
    try {
      transport = await load(session);
    } catch (e) {
      throw new IwyAgentError('transport-failed', 'The call code could not be loaded.', { cause: e });
    }
    this.transport = transport;
    if (this.over) void transport.disconnect().catch(() => undefined);
    return transport;
  }

  setTimer(name: TimerName, ms: number, fire: () => void): void {
    this.clearTimer(name);
    this.#timers.set(name, setTimeout(fire, ms));
  }

  clearTimer(name: TimerName): void {
    clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  /**
   * Aborts, clears timers and stops the mic at once (so nothing stays live whatever happens next),
   * then hangs up the transport, waiting at most DISCONNECT_TIMEOUT_MS. Idempotent; never rejects.
   */
  release(): Promise<void> {
    if (this.#released) return this.#released;
    this.#abort.abort();
    for (const name of [...this.#timers.keys()]) this.clearTimer(name);
    this.mic?.stop();
    this.#released = this.transport ? hangUp(this.transport) : Promise.resolve();
    return this.#released;
  }
}

function hangUp(transport: AgentTransport): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, DISCONNECT_TIMEOUT_MS);
  });
  const done = Promise.resolve()
    .then(() => transport.disconnect())
    .catch((e: unknown) => console.warn('[iwy-agent] the transport did not hang up cleanly', e));
  return Promise.race([done, bound]).finally(() => clearTimeout(timer));
}
