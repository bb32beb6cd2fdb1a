import { html, nothing, type TemplateResult } from 'lit';
import { ACTIVE_STATES } from '../session/states.js';
import type { SessionSnapshot } from '../session/snapshot.js';
import { errorText, type UiStrings } from './i18n.js';
import { alertIcon, minimizeIcon, phoneIcon, retryIcon, videoIcon } from './icons.js';

// Templates of <iwy-agent>'s shadow DOM, kept apart from the element's lifecycle code.

/** The collapsed floating widget. A ring shows a call running behind it. */
export const bubbleView = (t: UiStrings, s: SessionSnapshot, onOpen: () => void) =>
  html`<button part="bubble" class="bubble ${ACTIVE_STATES.has(s.state) ? 'in-call' : ''}"
    aria-label=${t.open} aria-haspopup="dialog" @click=${onOpen}>${videoIcon}</button>`;

export interface StageProps {
  s: SessionSnapshot;
  t: UiStrings;
  floating: boolean;
  poster?: string;
  captions: boolean;
  onStart(): void;
  onClose(): void;
}

const PROGRESS: Partial<Record<SessionSnapshot['state'], keyof UiStrings>> = {
  requesting: 'connecting',
  connecting: 'connecting',
  waiting: 'waiting',
  reconnecting: 'reconnecting',
  ending: 'ending',
};

/** The panel: stage (video or poster, status, start/progress/error, captions) and the call controls. */
export function stageView(p: StageProps): TemplateResult {
  const { s, t } = p;
  const active = ACTIVE_STATES.has(s.state);
  const video = s.agentVideo && s.state !== 'ended';
  return html`<section part="panel" class="panel" role=${p.floating ? 'dialog' : 'region'} aria-label=${t.title}>
    <div part="stage" class="stage ${s.agentSpeaking ? 'speaking' : ''} ${video ? 'has-video' : ''}">
      ${video
        ? html`<video part="video" autoplay playsinline muted .muted=${true} .srcObject=${stream(s.agentVideo!)}></video>`
        : p.poster
          ? html`<img part="poster" class="poster" src=${p.poster} alt="" />`
          : nothing}
      <div class="top">
        ${s.state === 'live' ? liveChip(s, t) : nothing}
        ${p.floating
          ? html`<button part="close-button" class="round ghost close" aria-label=${t.close} @click=${p.onClose}>${minimizeIcon}</button>`
          : nothing}
      </div>
      ${center(p)}
      ${p.captions && (active || s.state === 'ended')
        ? html`<div class="captions"><slot name="captions"><iwy-captions part="captions"></iwy-captions></slot></div>`
        : nothing}
    </div>
    ${active
      ? html`<slot name="controls"><iwy-controls part="controls"
          exportparts="mic-button,text-input,send-button,end-button"></iwy-controls></slot>`
      : nothing}
  </section>`;
}

/** "● Live · Speaking": the agent-speaking indicator. */
const liveChip = (s: SessionSnapshot, t: UiStrings) =>
  html`<span part="status" class="chip"><span class="dot"></span>${t.live}
    <span class="bars" aria-hidden="true"><i></i><i></i><i></i></span>${s.agentSpeaking ? t.speaking : t.listening}</span>`;

function center({ s, t, poster, onStart }: StageProps): TemplateResult | typeof nothing {
  const progress = PROGRESS[s.state];
  if (progress) {
    return html`<div class="center"><span class="spinner" aria-hidden="true"></span>
      <p part="status" class="status" role="status">${t[progress]}</p></div>`;
  }
  if (s.state === 'error') {
    const e = s.error;
    return html`<div part="error" class="center error" role="alert">
      <span class="badge" aria-hidden="true">${alertIcon}</span>
      <p class="message">${errorText(t, e?.code ?? 'session-request-failed', e?.retryAfterSeconds)}</p>
      <button part="retry-button" class="pill light" aria-label=${t.retry} @click=${onStart}>${retryIcon}${t.retry}</button>
    </div>`;
  }
  if (s.state === 'idle' || s.state === 'ended') {
    return html`<div class="center intro ${poster ? 'over-poster' : ''}">
      ${poster ? nothing : html`<span class="avatar" aria-hidden="true">${videoIcon}</span>`}
      <p class="title">${s.state === 'ended' ? t.ended : t.title}</p>
      <button part="start-button" class="pill accent" aria-label=${t.start} @click=${onStart}>${phoneIcon}${t.start}</button>
    </div>`;
  }
  return nothing;
}

const streams = new WeakMap<MediaStreamTrack, MediaStream>();
/** One MediaStream per track, so re-renders never reset a playing element. */
export function stream(track: MediaStreamTrack): MediaStream {
  let s = streams.get(track);
  if (!s) streams.set(track, (s = new MediaStream([track])));
  return s;
}
