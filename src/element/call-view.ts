import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACTIVE_STATES } from '../session/states.js';
import type { IwyErrorCode } from '../session/errors.js';
import type { UiStrings } from './i18n.js';
import { alertIcon, retryIcon } from './call-icons.js';
import { baseParts, type PanelParts, type ViewProps } from './views.js';

// Templates only a call needs (loaded with the session code on the first start()).

/** An error's message as the visitor reads it; the rate-limit one says when to retry, when known. */
export function errorText(t: UiStrings, code: IwyErrorCode, retryAfterSeconds?: number): string {
  const text = t[code] ?? t['session-request-failed'];
  return retryAfterSeconds ? `${text} ${t.retryIn.replace('{s}', String(retryAfterSeconds))}` : text;
}

const streams = new WeakMap<MediaStreamTrack, MediaStream>();
/**
 * One MediaStream per track; bind it with `live()`: Lit re-assigns object-valued properties on every
 * render, and each `srcObject` assignment restarts the media element's load (it would never play).
 */
export function stream(track: MediaStreamTrack): MediaStream {
  let s = streams.get(track);
  if (!s) streams.set(track, (s = new MediaStream([track])));
  return s;
}

/** The agent's voice; outside the panel so it keeps playing while the floating panel is collapsed. */
export const audioView = (track: MediaStreamTrack | undefined) =>
  track ? html`<audio autoplay .srcObject=${live(stream(track))}></audio>` : nothing;

/** Video, live chip ("● Live · Speaking"), error, captions and controls over the base parts. */
export function callParts(p: ViewProps): PanelParts {
  const { s, t } = p;
  const parts = baseParts(p);
  const active = ACTIVE_STATES.has(s.state);
  if (s.agentVideo && active) {
    parts.media = html`<video part="video" autoplay playsinline muted .muted=${true} .srcObject=${live(stream(s.agentVideo))}></video>`;
  }
  if (s.state === 'live') {
    parts.chip = html`<span part="status" class="chip"><span class="dot"></span>${t.live}
      <span class="bars" aria-hidden="true"><i></i><i></i><i></i></span>${s.agentSpeaking ? t.speaking : t.listening}</span>`;
  }
  if (s.state === 'error') {
    const e = s.error;
    parts.center = html`<div part="error" class="center error" role="alert">
      <span class="badge" aria-hidden="true">${alertIcon}</span>
      <p class="message">${errorText(t, e?.code ?? 'session-request-failed', e?.retryAfterSeconds)}</p>
      <button part="retry-button" class="pill light" aria-label=${t.retry} @click=${p.onStart}>${retryIcon}${t.retry}</button>
    </div>`;
  }
  if (p.captions && (active || s.state === 'ended')) {
    parts.captions = html`<div class="captions"><slot name="captions"><iwy-captions part="captions"></iwy-captions></slot></div>`;
  }
  if (active) {
    parts.controls = html`<slot name="controls"><iwy-controls part="controls"
      exportparts="mic-button,text-input,send-button,end-button"></iwy-controls></slot>`;
  }
  return parts;
}
