import type * as Wrtc from '@roamhq/wrtc';
import { randomUUID } from 'node:crypto';
import type { Tool } from '../server/models.js';
import { Conversation } from './conversation.js';
import { ApiError } from './errors.js';
import type { SimulatorFaults } from './faults.js';
import { AgentMedia } from './media.js';
import { Peer, type CandidateBody, type OfferBody } from './peer.js';
import type { Ticker } from './ticker.js';

export interface SessionLimits {
  maxDurationMs: number;
  /** How long a session waits for its first offer. */
  offerTimeoutMs: number;
  /** How long a session whose peer went away waits for a `restart_pc` offer before it ends. */
  reconnectGraceMs: number;
}
export type SessionState = 'waiting' | 'connecting' | 'live' | 'dropped' | 'away' | 'ended';
export interface SessionAgent { id: string; firstMessage: string; tools: Tool[] }

/** One simulated call: its peer connection (replaced on ICE restarts), media, conversation and fault timers. */
export class SimSession {
  readonly id = randomUUID();
  readonly pcId = `pc-${randomUUID()}`;
  state: SessionState = 'waiting';
  endReason: string | undefined;
  private peer: Peer | undefined;
  private readonly media: AgentMedia;
  private readonly conversation: Conversation;
  private readonly timers = new Set<NodeJS.Timeout>();
  private awayTimer: NodeJS.Timeout | undefined;
  private dropUntil = 0;
  private ready = false;
  private signalling: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly wrtc: typeof Wrtc,
    ticker: Ticker,
    readonly agent: SessionAgent,
    private faults: SimulatorFaults,
    private readonly limits: SessionLimits,
    private readonly onEnded: (session: SimSession) => void,
  ) {
    this.media = new AgentMedia(wrtc.nonstandard, ticker);
    this.conversation = new Conversation(agent.firstMessage, agent.tools, { neverReady: !!faults.neverReady }, {
      send: (m) => this.peer?.send(m),
      speak: (t) => this.media.speak(t),
      interrupt: () => this.media.interrupt(),
      onDisconnectRequested: () => this.leave('visitor'),
      onReady: () => {
        this.ready = true;
        this.scheduleFaults(this.faults);
      },
    });
    this.later(limits.maxDurationMs, () => this.leave('max-duration'));
    this.awayTimer = this.later(limits.offerTimeoutMs, () => this.end('no-offer'));
  }

  get framesSent(): number {
    return this.media.framesSent;
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Offers are handled one at a time: a restart must not race the connection it replaces. */
  offer(body: OfferBody): Promise<{ sdp: string; type: 'answer'; pc_id: string }> {
    const next = this.signalling.then(() => this.handleOffer(body));
    this.signalling = next.catch(() => undefined);
    return next;
  }

  private async handleOffer(body: OfferBody) {
    if (this.state === 'ended') throw new ApiError(404, 'session_ended', 'this session has ended');
    if (this.faults.rejectOffer) throw new ApiError(403, 'offer_rejected', 'the simulator was told to reject this offer');
    const wait = this.dropUntil - Date.now();
    if (wait > 0) {
      throw new ApiError(503, 'network_down', 'simulated network drop in progress', { 'retry-after': String(Math.ceil(wait / 1000)) });
    }
    const renegotiate = this.peer?.open && body.pc_id === this.pcId && !body.restart_pc;
    if (!renegotiate) this.replacePeer();
    const sdp = await this.peer!.answer(body).catch((error: Error) => {
      throw new ApiError(400, 'invalid_sdp', `the offer could not be applied: ${error.message.slice(0, 200)}`);
    });
    if (this.state === 'waiting' || this.state === 'away' || this.state === 'dropped') this.state = 'connecting';
    return { sdp, type: 'answer' as const, pc_id: this.pcId };
  }

  private replacePeer(): void {
    this.peer?.close();
    this.media.pause();
    const peer: Peer = new Peer(this.wrtc, [this.media.audioTrack, this.media.videoTrack], {
      onMessage: (text) => this.conversation.receive(text),
      onOpen: () => {
        if (this.peer !== peer || this.state === 'ended') return;
        this.clear(this.awayTimer);
        this.state = 'live';
        this.media.play();
      },
      onGone: () => {
        if (this.peer !== peer || this.state === 'ended') return;
        // Stop encoding for a peer that is gone; wait a little for a restart_pc offer.
        this.media.pause();
        this.state = 'away';
        this.clear(this.awayTimer);
        this.awayTimer = this.later(this.limits.reconnectGraceMs, () => this.end('peer-gone'));
      },
    });
    this.peer = peer;
  }

  candidates(body: { pc_id?: unknown; candidates?: CandidateBody[] }): Promise<number> {
    return this.peer ? this.peer.addCandidates(body.candidates ?? []) : Promise.resolve(0);
  }

  /** Adds faults to a running session; time-based ones count from now if the agent is already ready. */
  setFaults(faults: SimulatorFaults): void {
    this.faults = { ...this.faults, ...faults };
    if (this.ready) this.scheduleFaults(faults);
  }

  private scheduleFaults(f: SimulatorFaults): void {
    if (f.dropNetworkAfterMs !== undefined) this.later(f.dropNetworkAfterMs, () => this.drop(this.faults.dropSeconds ?? 5));
    if (f.endAfterMs !== undefined) this.later(f.endAfterMs, () => this.leave('agent'));
  }

  private drop(seconds: number): void {
    if (this.state === 'ended') return;
    this.dropUntil = Date.now() + seconds * 1000;
    this.state = 'dropped';
    this.media.pause();
    this.peer?.close();
    this.clear(this.awayTimer);
    this.awayTimer = this.later(seconds * 1000 + this.limits.reconnectGraceMs, () => this.end('network-lost'));
  }

  /** The agent says goodbye on the channel (`peerLeft`) and ends right after. */
  leave(reason: string): void {
    if (this.state === 'ended') return;
    this.conversation.leave();
    this.conversation.stop();
    this.later(100, () => this.end(reason));
  }

  end(reason: string): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.endReason = reason;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.conversation.stop();
    this.peer?.close();
    this.peer = undefined;
    this.media.stop();
    this.onEnded(this);
  }
}
