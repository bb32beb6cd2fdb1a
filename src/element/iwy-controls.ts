import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { liveSessionContext, type LiveSession } from '../context.js';
import { phoneIcon } from './icons.js';
import { micIcon, micOffIcon, sendIcon } from './call-icons.js';
import { shared } from './shared.styles.js';

/**
 * The call controls: microphone switch with a live input level, a message box, and end call.
 * Reads the session from the enclosing `<iwy-agent>` (through @lit/context) and only forwards
 * intents to it, so a host can put its own controls in the `controls` slot instead.
 *
 * @tag iwy-controls
 * @summary Microphone, message box and end-call controls.
 * @csspart mic-button - Switches the microphone; its ring grows with the input level.
 * @csspart text-input - The message box.
 * @csspart send-button - Sends the message.
 * @csspart end-button - Ends the call.
 * @cssproperty --iwy-mic-level - Read-only: the input level 0..1 (set on the element).
 */
export class IwyControlsElement extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    shared,
    css`
      :host { display: flex; align-items: center; gap: 8px; padding: 12px; background: var(--_bg);
        color: var(--_fg); border-block-start: 1px solid var(--_line); }
      .mic { position: relative; background: var(--_surface); }
      .mic.off { background: color-mix(in srgb, var(--_danger) 14%, var(--_bg)); color: var(--_danger); }
      .level { position: absolute; inset: -3px; border-radius: 50%; pointer-events: none;
        border: 2px solid var(--_accent); opacity: min(1, calc(var(--iwy-mic-level, 0) * 3));
        transform: scale(calc(1 + var(--iwy-mic-level, 0) * 0.18)); transition: transform 0.08s, opacity 0.08s; }
      form { flex: 1; min-inline-size: 0; display: flex; align-items: center; block-size: 44px;
        padding-inline: 16px 4px; border-radius: 22px; background: var(--_surface); }
      /* The pill's ring is the text box's focus indicator (one ring, not two). */
      form:focus-within { box-shadow: 0 0 0 2px var(--iwy-focus, var(--_accent)); }
      input:focus-visible { outline: none; }
      input { flex: 1; min-inline-size: 0; border: 0; outline: 0; background: none; font: inherit;
        font-size: 15px; color: inherit; }
      input::placeholder { color: var(--_muted); }
      .send { inline-size: 36px; block-size: 36px; }
      .send .icon { inline-size: 17px; block-size: 17px; }
      :host(:dir(rtl)) .send .icon { transform: scaleX(-1); }
      .end .icon { transform: rotate(135deg); }
    `,
  ];

  /** The live session from the enclosing `<iwy-agent>`. */
  @consume({ context: liveSessionContext, subscribe: true })
  @state()
  live?: LiveSession;

  @state() private draft = '';

  protected override updated(): void {
    // CSSOM rather than a style attribute: allowed under a strict style-src CSP.
    this.style.setProperty('--iwy-mic-level', String(this.live?.snapshot.micLevel ?? 0));
  }

  private send(e: Event): void {
    e.preventDefault();
    const text = this.draft.trim();
    if (!text || this.live?.snapshot.state !== 'live') return;
    this.live.actions.sendText(text);
    this.draft = '';
  }

  protected override render() {
    if (!this.live) return nothing;
    const { snapshot: s, actions, strings: t } = this.live;
    const live = s.state === 'live';
    return html`
      <button part="mic-button" class="round mic ${s.micEnabled ? '' : 'off'}"
        aria-label=${s.micEnabled ? t.mute : t.unmute} @click=${() => void actions.setMicEnabled(!s.micEnabled)}>
        ${s.micEnabled ? micIcon : micOffIcon}<span class="level" aria-hidden="true"></span>
      </button>
      <form @submit=${this.send}>
        <input part="text-input" aria-label=${t.message} placeholder=${t.message} autocomplete="off"
          enterkeyhint="send" .value=${this.draft} ?disabled=${!live}
          @input=${(e: InputEvent) => (this.draft = (e.target as HTMLInputElement).value)} />
        <button part="send-button" class="round accent send" aria-label=${t.send}
          ?disabled=${!live || !this.draft.trim()}>${sendIcon}</button>
      </form>
      <button part="end-button" class="round danger end" aria-label=${t.end} @click=${() => void actions.end()}>
        ${phoneIcon}
      </button>`;
  }
}
