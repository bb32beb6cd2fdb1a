import type { DisconnectReason, SessionRequestBody } from '../events.js';
import { loadTransport, preloadTransportCode } from '../transports/load-transport.js';
import type { TransportCallbacks } from '../transports/types.js';
import { isValidAgentId } from './agent-id.js';
import { CallAttempt } from './call-attempt.js';
import { IwyAgentError, isIwyAgentError } from './errors.js';
import { acquireMicrophone } from './microphone.js';
import { DEFAULT_SESSION_URL, requestSession } from './request-session.js';
import { TIMEOUT_OPTIONS, type ConfigurableOption, type SessionControllerOptions } from './controller-options.js';
import { IDLE_SNAPSHOT, type SessionActions, type SessionSnapshot } from './snapshot.js';
import { canTransition } from './state-machine.js';
import { ACTIVE_STATES } from './states.js';
import { appendTranscript, mergeTranscript } from './transcript.js';
import { TypedEchoes } from './typed-echoes.js';


/** What a finished or failed call leaves behind: no media, nobody speaking (the transcript stays). */
const CALL_CLEARED = {
  micLevel: 0,
  agentSpeaking: false,
  userSpeaking: false,
  agentVideo: undefined,
  agentAudio: undefined,
} as const satisfies Partial<SessionSnapshot>;

/**
 * The session state machine: one per element, DOM-free, the single source of truth the element
 * renders. Every start() owns a CallAttempt; end(), dispose() and failures release it.
 */
export class SessionController implements SessionActions {
  #options: SessionControllerOptions;
  #snapshot: SessionSnapshot;
  #listeners = new Set<(s: SessionSnapshot) => void>();
  #attempt: CallAttempt | undefined;
  #ending: Promise<void> | undefined;
  #nextEntryId = 1;
  #typed = new TypedEchoes();

  constructor(options: SessionControllerOptions) {
    this.#options = { ...options };
    this.#snapshot = Object.freeze({ ...IDLE_SNAPSHOT, micEnabled: options.micEnabled ?? true });
  }

  get snapshot(): SessionSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: (s: SessionSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Takes effect on the next start(). `undefined` restores a default (sessionUrl, timeouts). */
  configure(partial: Partial<Pick<SessionControllerOptions, ConfigurableOption>>): void {
    if ('agentId' in partial) this.#options.agentId = partial.agentId ?? '';
    for (const key of ['sessionUrl', ...TIMEOUT_OPTIONS] as const) {
      if (key in partial) this.#options = { ...this.#options, [key]: partial[key] };
    }
  }

  /** Never rejects: failures become state 'error' and an iwy-error. No-op while a call is active. */
  async start(): Promise<void> {
    try {
      await this.#start();
    } catch (e) {
      console.error('[iwy-agent] unexpected failure in start()', e);
    }
  }

  /** Safe in any state; the call ends with reason 'user'. */
  end(): Promise<void> {
    return this.#end('user');
  }

  /** The element was removed: end any call with reason 'removed' and release everything. */
  async dispose(): Promise<void> {
    await this.#end('removed');
    await this.#attempt?.release();
  }

  async setMicEnabled(on: boolean): Promise<void> {
    if (this.#snapshot.micEnabled === on) return;
    const attempt = this.#attempt;
    if (attempt?.mic && !attempt.over) attempt.mic.enabled = on;
    if (attempt && !attempt.over) attempt.transport?.setMicEnabled(on);
    this.#update({ micEnabled: on, micLevel: on ? this.#snapshot.micLevel : 0 });
    this.#options.emit('iwy-mic-change', { enabled: on });
  }

  /** Sends typed text to the agent (RTVI send-text) and shows it as the visitor's line. */
  sendText(text: string): void {
    const content = text.trim();
    const transport = this.#attempt?.transport;
    if (!content) return;
    if (this.#snapshot.state !== 'live' || !transport) {
      console.warn('[iwy-agent] sendText() ignored: the agent is not live.');
      return;
    }
    transport.sendText(content);
    this.#typed.sent(content);
    const line = { role: 'user', text: content, final: true } as const;
    this.#update({ transcript: appendTranscript(this.#snapshot.transcript, line, this.#nextEntryId++) });
    this.#options.emit('iwy-transcript', line);
  }

  async #start(): Promise<void> {
    if (this.#ending) await this.#ending;
    if (ACTIVE_STATES.has(this.#snapshot.state) || this.#snapshot.state === 'ending') return;
    const attempt = new CallAttempt();
    this.#attempt = attempt;
    const o = this.#options;
    if (!isValidAgentId(o.agentId)) {
      this.#fail(attempt, new IwyAgentError('invalid-config', 'agent-id must be an agent UUID or "demo".'));
      return;
    }
    this.#update({ state: 'requesting', error: undefined, transcript: [], ...CALL_CLEARED });
    const body: SessionRequestBody = { agentId: o.agentId };
    const proceed = o.emit('iwy-session-request', { body });
    if (attempt.over) return; // a listener ended the call
    if (!proceed) {
      void attempt.release();
      this.#update({ state: 'idle' });
      return;
    }

    const { signal } = attempt;
    const load = o.loadTransport ?? loadTransport;
    if (!o.loadTransport) preloadTransportCode();
    // Microphone, session request and transport code, all at once.
    const mic = acquireMicrophone({ signal, getUserMedia: o.getUserMedia }).then((track) => {
      track.enabled = this.#snapshot.micEnabled;
      attempt.adoptMic(track);
      return track;
    });
    const loaded = requestSession(o.sessionUrl ?? DEFAULT_SESSION_URL, body, {
      signal,
      timeoutMs: o.requestTimeoutMs ?? 15_000,
    }).then(async (session) => ({ session, transport: await attempt.loadTransport(load, session) }));

    try {
      const [{ session, transport }, micTrack] = await Promise.all([loaded, mic]);
      if (attempt.over) return;
      this.#update({ state: 'connecting' });
      attempt.setTimer('ready', o.readyTimeoutMs ?? 30_000, () => this.#readyTimedOut(attempt));
      await transport.connect({
        session,
        micTrack,
        micEnabled: this.#snapshot.micEnabled,
        callbacks: this.#callbacks(attempt),
        signal,
      });
      if (!attempt.over) this.#connected(attempt);
    } catch (e) {
      if (attempt.over) return; // ended or removed meanwhile: not a failure
      const error = isIwyAgentError(e) ? e : new IwyAgentError('transport-failed', 'The call failed.', { cause: e });
      this.#fail(attempt, error);
    }
  }

  async #end(reason: DisconnectReason): Promise<void> {
    if (this.#ending) return this.#ending;
    const attempt = this.#attempt;
    if (!attempt || attempt.over || !ACTIVE_STATES.has(this.#snapshot.state)) return;
    const durationMs = attempt.durationMs();
    const released = attempt.release(); // the mic is stopped before anyone sees 'ending'
    this.#update({ state: 'ending', ...CALL_CLEARED });
    this.#ending = released
      .then(() => {
        this.#update({ state: 'ended' });
        if (durationMs !== undefined) this.#options.emit('iwy-disconnected', { reason, durationMs });
      })
      .finally(() => (this.#ending = undefined));
    return this.#ending;
  }

  #fail(attempt: CallAttempt, error: IwyAgentError): void {
    if (attempt !== this.#attempt || attempt.over) return;
    const durationMs = attempt.durationMs();
    void attempt.release();
    if (this.#snapshot.state === 'error') this.#update({ error });
    else this.#update({ state: 'error', error, ...CALL_CLEARED });
    const { code, message, recoverable } = error;
    this.#options.emit('iwy-error', { code, message, recoverable });
    if (durationMs !== undefined) {
      const reason = code === 'network-lost' ? 'network' : 'error';
      this.#options.emit('iwy-disconnected', { reason, durationMs });
    }
  }

  #connected(attempt: CallAttempt): void {
    if (attempt.connectedAt !== undefined) return;
    attempt.connectedAt = performance.now();
    this.#update({ state: 'waiting' });
    this.#options.emit('iwy-connected', {});
    if (attempt.agentReady) this.#goLive();
  }

  #agentReady(attempt: CallAttempt): void {
    if (attempt.agentReady) return;
    attempt.agentReady = true;
    attempt.clearTimer('ready');
    // bot-ready implies media is connected, whatever order the transport reported them in
    if (attempt.connectedAt === undefined) this.#connected(attempt);
    else if (this.#snapshot.state === 'waiting') this.#goLive();
  }

  #goLive(): void {
    this.#update({ state: 'live' });
    this.#options.emit('iwy-agent-ready', {});
  }

  #readyTimedOut(attempt: CallAttempt): void {
    // stuck before media connected is a transport problem; after it, the agent never came
    const error =
      this.#snapshot.state === 'connecting'
        ? new IwyAgentError('transport-failed', 'The call could not be connected in time.')
        : new IwyAgentError('agent-timeout', 'The agent did not join in time.');
    this.#fail(attempt, error);
  }

  #reconnecting(attempt: CallAttempt): void {
    const { state } = this.#snapshot;
    if (state !== 'waiting' && state !== 'live') return;
    this.#update({ state: 'reconnecting' });
    attempt.setTimer('reconnect', this.#options.reconnectTimeoutMs ?? 15_000, () =>
      this.#fail(attempt, new IwyAgentError('network-lost', 'The connection was lost.')),
    );
  }

  #reconnected(attempt: CallAttempt): void {
    if (this.#snapshot.state !== 'reconnecting') return;
    attempt.clearTimer('reconnect');
    if (attempt.agentReady) this.#goLive();
    else this.#update({ state: 'waiting' });
  }

  /** Transport callbacks for one attempt; once it is over, they do nothing. */
  #callbacks(attempt: CallAttempt): TransportCallbacks {
    const guard =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        if (attempt === this.#attempt && !attempt.over) fn(...args);
      };
    return {
      onConnected: guard(() => this.#connected(attempt)),
      onAgentReady: guard(() => this.#agentReady(attempt)),
      onAgentVideo: guard((agentVideo) => this.#update({ agentVideo })),
      onAgentAudio: guard((agentAudio) => this.#update({ agentAudio })),
      onTranscript: guard((role, text, final) => {
        if (role === 'user' && final && this.#typed.isEcho(text)) return; // already shown as typed
        const transcript = mergeTranscript(this.#snapshot.transcript, { role, text, final }, this.#nextEntryId++);
        this.#update({ transcript });
        this.#options.emit('iwy-transcript', { role, text, final });
      }),
      onAgentSpeaking: guard((speaking) => {
        if (this.#snapshot.agentSpeaking === speaking) return;
        this.#update({ agentSpeaking: speaking });
        this.#options.emit('iwy-agent-speaking', { speaking });
      }),
      onUserSpeaking: guard((speaking) => {
        if (this.#snapshot.userSpeaking === speaking) return;
        this.#update({ userSpeaking: speaking });
        this.#options.emit('iwy-user-speaking', { speaking });
      }),
      onMicLevel: guard((level) => {
        const micLevel = this.#snapshot.micEnabled ? Math.max(0, Math.min(1, level)) : 0;
        // a meter needs no more than 1 % steps; silence must still reach zero
        const previous = this.#snapshot.micLevel;
        if (Math.abs(micLevel - previous) >= 0.01 || (micLevel === 0) !== (previous === 0)) this.#update({ micLevel });
      }),
      onReconnecting: guard(() => this.#reconnecting(attempt)),
      onReconnected: guard(() => this.#reconnected(attempt)),
      onDisconnected: guard((reason) => {
        if (reason === 'agent') void this.#end('agent');
        else this.#fail(attempt, new IwyAgentError('network-lost', 'The connection was lost.'));
      }),
    };
  }

  /** Replaces the snapshot; a state change is checked against the table and announced. */
  #update(patch: Partial<SessionSnapshot>): void {
    const previous = this.#snapshot.state;
    const state = patch.state ?? previous;
    if (state !== previous && !canTransition(previous, state)) {
      console.warn(`[iwy-agent] refused state change ${previous} → ${state}`);
      return;
    }
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...patch, state });
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#snapshot);
      } catch (e) {
        console.error('[iwy-agent] a session listener threw', e);
      }
    }
    if (state !== previous) this.#options.emit('iwy-state-change', { state, previous });
  }
}

export type { SessionControllerOptions };
