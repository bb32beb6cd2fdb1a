import { svg, type SVGTemplateResult } from 'lit';

// Stroke icons on a 24px grid (drawn after Lucide's shapes); decorative, the buttons carry the labels.
const icon = (body: SVGTemplateResult) =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;

export const videoIcon = icon(svg`<path d="m16 13 5.2 3.5a.5.5 0 0 0 .8-.4V7.9a.5.5 0 0 0-.8-.4L16 11"/><rect x="2" y="6" width="14" height="12" rx="2"/>`);
export const phoneIcon = icon(svg`<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z"/>`);
export const micIcon = icon(svg`<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M19 10v1a7 7 0 0 1-14 0v-1M12 18v4"/>`);
export const micOffIcon = icon(svg`<path d="m2 2 20 20M18.9 13.2A7 7 0 0 0 19 11v-1M5 10v1a7 7 0 0 0 12 5M15 9.3V5a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 5.1 2.1M12 18v4"/>`);
export const sendIcon = icon(svg`<path d="m22 2-7 20-4-9-9-4zM22 2 11 13"/>`);
export const minimizeIcon = icon(svg`<path d="m6 9 6 6 6-6"/>`);
export const retryIcon = icon(svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5"/>`);
export const alertIcon = icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 8v4M12 16h.01"/>`);
