import { html, nothing, type TemplateResult } from 'lit';
import { ACTIVE_STATES } from '../session/states.js';
import type { SessionSnapshot } from '../session/snapshot.js';
import type { UiStrings } from './i18n.js';
import { minimizeIcon, phoneIcon, videoIcon } from './icons.js';

// First-load templates of <iwy-agent>: the bubble, the panel frame, the start and progress views.
// What only a call needs (video, error, captions, controls) is in call-view.ts, loaded on start().

export interface ViewProps {
  s: SessionSnapshot;
  t: UiStrings;
  floating: boolean;
  poster?: string;
  captions: boolean;
  onStart(): void;
  onClose(): void;
}

/** The parts of the panel a state fills in; call-view.ts provides them during a call. */
export interface PanelParts {
  media?: unknown;
  chip?: unknown;
  center?: unknown;
  captions?: unknown;
  controls?: unknown;
}

/** The collapsed floating widget. A ring shows a call running behind it. */
export const bubbleView = (t: UiStrings, s: SessionSnapshot, onOpen: () => void) =>
  html`<button part="bubble" class="bubble ${ACTIVE_STATES.has(s.state) ? 'in-call' : ''}"
    aria-label=${t.open} aria-haspopup="dialog" @click=${onOpen}>${videoIcon}</button>`;

const PROGRESS: Partial<Record<SessionSnapshot['state'], keyof UiStrings>> = {
  requesting: 'connecting',
  connecting: 'connecting',
  waiting: 'waiting',
  reconnecting: 'reconnecting',
  ending: 'ending',
};

/** Before a call (or after it): poster, title and the start control; during one: progress. */
export function baseParts({ s, t, poster, onStart }: ViewProps): PanelParts {
  const media = poster ? html`<img part="poster" class="poster" src=${poster} alt="" />` : nothing;
  const progress = PROGRESS[s.state];
  if (progress) {
    return { media, center: html`<div class="center"><span class="spinner" aria-hidden="true"></span>
      <p part="status" class="status" role="status">${t[progress]}</p></div>` };
  }
  if (s.state !== 'idle' && s.state !== 'ended') return { media };
  return {
    media,
    center: html`<div class="center intro ${poster ? 'over-poster' : ''}">
      ${poster ? nothing : html`<span class="avatar" aria-hidden="true">${videoIcon}</span>`}
      <p class="title">${s.state === 'ended' ? t.ended : t.title}</p>
      <button part="start-button" class="pill accent" aria-label=${t.start} @click=${onStart}>${phoneIcon}${t.start}</button>
    </div>`,
  };
}

/** The panel: the stage (media, status chip, close control, centre view, captions) over the controls. */
export function panelView(p: ViewProps, parts: PanelParts): TemplateResult {
  const { s, t } = p;
  return html`<section part="panel" class="panel" role=${p.floating ? 'dialog' : 'region'} aria-label=${t.title}>
    <div part="stage" class="stage ${s.agentSpeaking ? 'speaking' : ''} ${parts.media ? 'has-media' : ''}">
      ${parts.media ?? nothing}
      <div class="top">
        ${parts.chip ?? nothing}
        ${p.floating
          ? html`<button part="close-button" class="round close" aria-label=${t.close} @click=${p.onClose}>${minimizeIcon}</button>`
          : nothing}
      </div>
      ${parts.center ?? nothing} ${parts.captions ?? nothing}
    </div>
    ${parts.controls ?? nothing}
  </section>`;
}
