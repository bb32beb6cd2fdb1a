// A stand-in for SessionController with the same API (controller-api.md), driven by the tests:
// it records calls and lets a test push any snapshot, error or event through the element.
import { IwyAgentElement } from '../../src/element/iwy-agent.element.js';
import type { SessionControllerLike } from '../../src/element/call-loader.js';
import type { SessionControllerOptions } from '../../src/session/controller.js';
import type { SessionSnapshot } from '../../src/session/snapshot.js';
import { ACTIVE_STATES } from '../../src/session/states.js';
import { IwyAgentError, type IwyErrorCode } from '../../src/session/errors.js';
import '../../src/index.js';

export class FakeController implements SessionControllerLike {
  calls: string[] = [];
  disposed = false;
  snapshot: SessionSnapshot;
  private listeners = new Set<(s: SessionSnapshot) => void>();

  constructor(readonly options: SessionControllerOptions) {
    this.snapshot = Object.freeze({
      state: 'idle', error: undefined, micEnabled: options.micEnabled ?? true, micLevel: 0,
      agentSpeaking: false, userSpeaking: false, transcript: [], agentVideo: undefined, agentAudio: undefined,
    });
  }

  subscribe(listener: (s: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  configure(p: Partial<Pick<SessionControllerOptions, 'agentId' | 'sessionUrl'>>): void {
    this.calls.push('configure');
    Object.assign(this.options, p);
  }

  async start(): Promise<void> {
    this.calls.push('start');
    if (ACTIVE_STATES.has(this.snapshot.state)) return;
    this.set({ state: 'requesting', error: undefined });
    if (!this.options.emit('iwy-session-request', { body: { agentId: this.options.agentId } })) this.set({ state: 'idle' });
  }

  async end(): Promise<void> {
    this.calls.push('end');
    this.finish('user');
  }

  async setMicEnabled(on: boolean): Promise<void> {
    this.calls.push(`mic:${on}`);
    this.set({ micEnabled: on });
    this.options.emit('iwy-mic-change', { enabled: on });
  }

  sendText(text: string): void {
    this.calls.push(`text:${text}`);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.finish('removed');
  }

  /** Replaces the snapshot like the real controller: listeners first, then iwy-state-change. */
  set(patch: Partial<SessionSnapshot>): void {
    const previous = this.snapshot.state;
    this.snapshot = Object.freeze({ ...this.snapshot, ...patch });
    for (const l of this.listeners) l(this.snapshot);
    if (this.snapshot.state !== previous) this.options.emit('iwy-state-change', { state: this.snapshot.state, previous });
  }

  /** requesting → connecting → waiting → live, with optional media. */
  goLive(patch: Partial<SessionSnapshot> = {}): void {
    if (this.snapshot.state !== 'requesting') this.set({ state: 'requesting' });
    this.set({ state: 'connecting' });
    this.set({ state: 'waiting' });
    this.set({ state: 'live', ...patch });
  }

  fail(code: IwyErrorCode, retryAfterSeconds?: number): void {
    const error = new IwyAgentError(code, `fake ${code}`, { retryAfterSeconds });
    this.set({ state: 'error', error, agentVideo: undefined, agentAudio: undefined });
    this.options.emit('iwy-error', { code, message: error.message, recoverable: error.recoverable });
  }

  private finish(reason: 'user' | 'removed'): void {
    if (!ACTIVE_STATES.has(this.snapshot.state)) return;
    this.set({ state: 'ending' });
    this.set({ state: 'ended', agentVideo: undefined, agentAudio: undefined });
    this.options.emit('iwy-disconnected', { reason, durationMs: 1 });
  }
}

/** `<test-iwy-agent>`: the real element with a FakeController plugged in. */
export class TestIwyAgent extends IwyAgentElement {
  fake!: FakeController;
  protected override async createController(options: SessionControllerOptions): Promise<FakeController> {
    return (this.fake = new FakeController(options));
  }
  override connectedCallback(): void {
    super.connectedCallback();
    void this.connectSession(); // so tests can drive the fake before any start()
  }
}
if (!customElements.get('test-iwy-agent')) customElements.define('test-iwy-agent', TestIwyAgent);

declare global {
  interface HTMLElementTagNameMap {
    'test-iwy-agent': TestIwyAgent;
  }
}

/** A live video track drawn on a canvas (no camera needed). */
export function canvasTrack(color = '#5b4cf0'): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const g = canvas.getContext('2d')!;
  g.fillStyle = color;
  g.fillRect(0, 0, 320, 240);
  return canvas.captureStream(5).getVideoTracks()[0];
}

/** The element's shadow root, queried by part name. */
export const part = <T extends Element = HTMLElement>(el: Element, name: string): T | null =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/** Queried across the default <iwy-controls>' shadow root too. */
export const controlPart = <T extends Element = HTMLElement>(el: Element, name: string): T | null =>
  el.shadowRoot!.querySelector('iwy-controls')?.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
