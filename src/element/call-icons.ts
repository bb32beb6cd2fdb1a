import { svg } from 'lit';
import { icon } from './icons.js';

// Icons only a call shows (loaded with the call code).
export const micIcon = icon(svg`<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M19 10v1a7 7 0 0 1-14 0v-1M12 18v4"/>`);
export const micOffIcon = icon(svg`<path d="m2 2 20 20M18.9 13.2A7 7 0 0 0 19 11v-1M5 10v1a7 7 0 0 0 12 5M15 9.3V5a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 5.1 2.1M12 18v4"/>`);
export const sendIcon = icon(svg`<path d="m22 2-7 20-4-9-9-4zM22 2 11 13"/>`);
export const retryIcon = icon(svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5"/>`);
export const alertIcon = icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 8v4M12 16h.01"/>`);
