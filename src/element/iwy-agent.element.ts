import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { SessionControllerOptions } from '../session/controller.js';
import { ACTIVE_STATES, type SessionState } from '../session/states.js';
import type { IwyAgentError } from '../session/errors.js';
import { IDLE_SNAPSHOT, type SessionSnapshot } from '../session/snapshot.js';
import type { IwyEventDetailMap, IwyEventName } from '../events.js';
import { fire } from './fire.js';
import { liveSessionContext } from '../context.js';
import { EN, isRtl, loadStrings, pickLanguage, type UiStrings } from './i18n.js';
import { styles } from './iwy-agent.styles.js';
import { focusMainControl } from './focus.js';
import { callModule, loadCall, type CallModule, type SessionControllerLike } from './call-loader.js';
import { baseParts, bubbleView, panelView, type ViewProps } from './views.js';

/**
 * A live conversational iwy.ai video agent: a floating bubble or an inline panel with the agent's
 * video and voice, the visitor's microphone, captions and a text box.
 *
 * @tag iwy-agent
 * @summary Talk face to face with an iwy.ai video agent.
 * @example <iwy-agent agent-id="demo" session-url="/api/iwy-session" captions></iwy-agent>
 *
 * @attr state - Read-only: the session state (`idle`, `requesting`, … `error`), for CSS.
 * @event {CustomEvent<{state, previous}>} iwy-state-change - The session state changed.
 * @event {CustomEvent<{body}>} iwy-session-request - Before the session POST; cancelable; add `body.context`.
 * @event {CustomEvent} iwy-connected - Media is connected; the agent is joining.
 * @event {CustomEvent} iwy-agent-ready - The agent is there and listening.
 * @event {CustomEvent<{role, text, final}>} iwy-transcript - A caption of either side.
 * @event {CustomEvent<{speaking}>} iwy-agent-speaking - The agent started or stopped speaking.
 * @event {CustomEvent<{speaking}>} iwy-user-speaking - The visitor started or stopped speaking.
 * @event {CustomEvent<{enabled}>} iwy-mic-change - The visitor's microphone was switched on or off.
 * @event {CustomEvent<{reason, durationMs}>} iwy-disconnected - The call ended.
 * @event {CustomEvent<{code, message, recoverable}>} iwy-error - Something failed; see `error`.
 *
 * @slot captions - Replaces the default `<iwy-captions>`.
 * @slot controls - Replaces the default `<iwy-controls>` (mic, text box, end call).
 *
 * @csspart bubble - The round floating button that opens the panel.
 * @csspart panel - The call panel (floating: expanded bubble; inline: the whole box).
 * @csspart stage - The video area.
 * @csspart video - The agent's video.
 * @csspart poster - The poster image before the call.
 * @csspart start-button - Starts the call.
 * @csspart status - Progress or live status text.
 * @csspart close-button - Collapses the floating panel.
 * @csspart error - The error message box.
 * @csspart retry-button - Tries again after an error.
 * @csspart captions - The default captions element.
 * @csspart controls - The default controls bar.
 * @csspart mic-button - Switches the microphone (inside controls).
 * @csspart text-input - The message box (inside controls).
 * @csspart send-button - Sends the message (inside controls).
 * @csspart end-button - Ends the call (inside controls).
 *
 * @cssproperty --iwy-accent - Brand colour of buttons and the bubble. Default #5b4cf0.
 * @cssproperty --iwy-accent-fg - Text and icons on the accent colour. Default #fff.
 * @cssproperty --iwy-bg - Panel background (light #fff, dark #16171d).
 * @cssproperty --iwy-fg - Panel text colour.
 * @cssproperty --iwy-surface - Background of the mic button and text box.
 * @cssproperty --iwy-danger - End-call and error colour.
 * @cssproperty --iwy-radius - Corner radius of the panel. Default 20px.
 * @cssproperty --iwy-font - Font family. Default the system UI font.
 * @cssproperty --iwy-bubble-size - Diameter of the floating bubble. Default 64px.
 * @cssproperty --iwy-panel-width - Width of the floating panel. Default 360px.
 * @cssproperty --iwy-panel-height - Height of the floating panel. Default 560px.
 * @cssproperty --iwy-offset - Distance of the floating widget from the viewport corner. Default 20px.
 * @cssproperty --iwy-z-index - Stacking of the floating widget. Default 2147483000.
 * @cssproperty --iwy-stage-bg - Background of the video area before video arrives.
 * @cssproperty --iwy-focus - Focus ring colour. Default the accent.
 */
export class IwyAgentElement extends LitElement {
  static override styles = styles;

  /** The iwy agent to talk to: a UUID, or "demo". */
  @property({ attribute: 'agent-id' }) agentId = '';
  /** Your backend's session endpoint (see iwy-agent/server); without it, iwy's public endpoint. */
  @property({ attribute: 'session-url' }) sessionUrl?: string;
  /** `floating`: a bubble at the bottom corner that expands; `inline`: fills the element's box. */
  @property({ reflect: true }) mode: 'floating' | 'inline' = 'floating';
  /** UI language (en, es, fr, de, it, pt, nl, no, pl, ja, zh, ar); default the page's language. */
  @property({ reflect: true }) override lang!: string;
  /** Start the call as soon as the element is on the page (otherwise nothing loads before a click). */
  @property({ type: Boolean }) autostart = false;
  /** The visitor's microphone starts switched off (they can switch it on); the agent stays audible. */
  @property({ type: Boolean }) muted = false;
  /** Show captions of both sides over the video. */
  @property({ type: Boolean, reflect: true }) captions = false;
  /** Image shown before the call starts. */
  @property() poster?: string;
  /** Overrides for any UI text, e.g. `{ start: 'Talk to Ana' }`. */
  @property({ attribute: false }) strings: Partial<UiStrings> = {};
  /** Time limits in ms: the session request, connect → agent ready, and reconnecting before network-lost. */
  @property({ attribute: false }) timeouts: { requestMs?: number; readyMs?: number; reconnectMs?: number } = {};

  @state() private snap: SessionSnapshot = IDLE_SNAPSHOT;
  @state() private open = false;
  @state() private base: UiStrings = EN;
  private language = '';
  private text: UiStrings = EN;
  private controller?: SessionControllerLike;
  private connecting?: Promise<SessionControllerLike | undefined>;
  private unsubscribe?: () => void;
  /** Language tables, call code, controller creation: what `updateComplete` also waits for. */
  private readonly loads = new Set<Promise<unknown>>();
  private readonly provider = new ContextProvider(this, { context: liveSessionContext });

  /** The session state; also the `state` attribute. */
  get state(): SessionState {
    return this.snap.state;
  }

  /** The last failure while the state is `error`, else undefined. */
  get error(): IwyAgentError | undefined {
    return this.snap.error;
  }

  /** Starts a call (no-op while one is under way); never rejects: failures show and fire `iwy-error`. */
  async start(): Promise<void> {
    await (await this.connectSession())?.start();
  }

  /** Ends the call, in any state. */
  end(): Promise<void> {
    return this.controller?.end() ?? Promise.resolve();
  }

  /** Switches the visitor's microphone on or off (before the first call: how it starts). */
  async setMicEnabled(on: boolean): Promise<void> {
    if (this.controller) return this.controller.setMicEnabled(on);
    this.muted = !on;
  }

  /** Sends a text message to the agent (ignored unless live). */
  sendText(text: string): void {
    this.controller?.sendText(text);
  }

  /** Raises a public `iwy-*` event; returns false when a listener cancelled it. */
  protected emit<K extends IwyEventName>(type: K, detail: IwyEventDetailMap[K]): boolean {
    return fire(this, type, detail);
  }

  /** Makes the session controller; tests override it to plug in a fake or a stub transport. */
  protected async createController(options: SessionControllerOptions): Promise<SessionControllerLike> {
    return new (await loadCall()).SessionController(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('state', this.snap.state);
    if (this.autostart && this.snap.state === 'idle') void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const controller = this.controller;
    // A move (removed and re-inserted in the same task) keeps the call; a removal ends it.
    queueMicrotask(() => {
      if (this.isConnected || this.controller !== controller || !controller) return;
      const unsubscribe = this.unsubscribe;
      this.controller = this.unsubscribe = undefined;
      // Still listening while it ends, so `state` reads 'ended' afterwards.
      controller.dispose().catch(() => {}).finally(() => unsubscribe?.());
    });
  }

  /** The controller, made on first need so nothing loads or connects before a start(). */
  protected connectSession(): Promise<SessionControllerLike | undefined> {
    if (this.controller || !this.isConnected) return Promise.resolve(this.controller);
    this.connecting ??= this.track(
      this.createController({
        ...this.config(),
        micEnabled: !this.muted,
        emit: (type, detail) => this.emit(type, detail),
      }).then((c) => {
        this.connecting = undefined;
        if (!this.isConnected) return void c.dispose().catch(() => {}); // removed meanwhile
        this.controller = c;
        // A disposed controller may still report its ending, unless a new one has taken over.
        this.unsubscribe = c.subscribe((s) => (this.controller ?? c) === c && this.onSnapshot(s));
        this.onSnapshot(c.snapshot);
        return c;
      }, (cause) => {
        // The call code could not be fetched (offline, blocked): stay idle, say so, allow a retry.
        this.connecting = undefined;
        console.error('[iwy-agent] could not load the call code', cause);
        this.emit('iwy-error', { code: 'session-request-failed', message: 'The call code could not be loaded.', recoverable: true });
        return undefined;
      }),
    );
    return this.connecting;
  }

  /** What configure() takes; the same on creation. */
  private config() {
    const t = this.timeouts ?? {};
    return {
      agentId: this.agentId, sessionUrl: this.sessionUrl || undefined,
      requestTimeoutMs: t.requestMs, readyTimeoutMs: t.readyMs, reconnectTimeoutMs: t.reconnectMs,
    };
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.loads.add(p);
    p.catch(() => {}).finally(() => this.loads.delete(p));
    return p;
  }

  private onSnapshot(s: SessionSnapshot): void {
    const wasActive = ACTIVE_STATES.has(this.snap.state);
    this.snap = s;
    this.setAttribute('state', s.state);
    // A call started from anywhere (method, autostart) opens the floating panel.
    if (!wasActive && ACTIVE_STATES.has(s.state)) this.open = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('agentId') || changed.has('sessionUrl') || changed.has('timeouts'))) {
      this.controller?.configure(this.config());
    }
    if (this.hasUpdated && changed.has('muted') && !ACTIVE_STATES.has(this.snap.state)) {
      void this.controller?.setMicEnabled(!this.muted);
    }
    if (!this.hasUpdated || changed.has('lang')) this.pickStrings();
    this.text = { ...this.base, ...this.strings };
    this.provider.setValue({ snapshot: this.snap, actions: this, strings: this.text });
    this.hadFocus = this.matches(':focus-within');
    // Any state but idle needs the call views (a fake controller in tests can get there without start()).
    if (this.snap.state !== 'idle' && !callModule()) this.track(loadCall().then(() => this.requestUpdate()));
  }

  private pickStrings(): void {
    const tag = this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    const lang = pickLanguage(tag);
    if (lang === this.language) return;
    this.language = lang;
    // An unreachable language chunk leaves the UI in English.
    this.track(loadStrings(lang).then((t) => lang === this.language && (this.base = t)));
  }

  /** Resolves once pending loads (language table, call code, controller) have rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let i = 0; i < 5 && this.loads.size; i++) {
      await Promise.allSettled(this.loads);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private hadFocus = false;
  protected override updated(): void {
    // Focus lived in a control that this render removed (start, end, retry): move it to the new view.
    if (this.hadFocus && !this.matches(':focus-within')) void this.focusView();
  }

  private async focusView(): Promise<void> {
    await this.updateComplete;
    await focusMainControl(this.renderRoot);
  }

  private expand = async () => {
    this.open = true;
    await this.focusView();
  };

  private collapse = async () => {
    this.open = false;
    await this.focusView();
  };

  private onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.mode !== 'inline' && this.open) void this.collapse();
  };

  protected override render() {
    const floating = this.mode !== 'inline';
    const p: ViewProps = {
      s: this.snap, t: this.text, floating, poster: this.poster, captions: this.captions,
      onStart: () => void this.start(), onClose: this.collapse,
    };
    const call = callModule();
    if (call && !this.callStyled) this.adoptCallStyles(call);
    const view = floating && !this.open ? bubbleView(p.t, p.s, this.expand) : panelView(p, call ? call.callParts(p) : baseParts(p));
    return html`<div class="root ${floating ? 'floating' : 'inline'}" lang=${this.language}
      dir=${isRtl(this.language) ? 'rtl' : 'ltr'} @keydown=${this.onKeydown}>${view}${call?.audioView(p.s.agentAudio) ?? nothing}</div>`;
  }

  private callStyled = false;
  /** Adds the call views' styles to the shadow root (CSSOM, so a strict style-src CSP allows it). */
  private adoptCallStyles(m: CallModule): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = m.callStyles.styleSheet;
    if (!sheet || !root.adoptedStyleSheets) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.callStyled = true;
  }
}
