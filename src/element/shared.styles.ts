import { css } from 'lit';

/**
 * Design tokens and buttons shared by <iwy-agent>, <iwy-controls> and <iwy-captions>. Private
 * `--_*` tokens read the public `--iwy-*` properties with fallbacks, so each part also works alone.
 */
export const shared = css`
  :host {
    --_accent: var(--iwy-accent, #5b4cf0);
    --_on-accent: var(--iwy-accent-fg, #fff);
    --_bg: var(--iwy-bg, #fff);
    --_fg: var(--iwy-fg, #14151a);
    --_muted: var(--iwy-muted, #5f6370);
    --_surface: var(--iwy-surface, #f1f2f5);
    --_line: var(--iwy-border, rgb(20 21 26 / 0.08));
    --_danger: var(--iwy-danger, #d92d20);
    --_radius: var(--iwy-radius, 20px);
    font-family: var(--iwy-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    -webkit-font-smoothing: antialiased;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--iwy-bg, #16171d);
      --_fg: var(--iwy-fg, #f2f3f7);
      --_muted: var(--iwy-muted, #a3a7b5);
      --_surface: var(--iwy-surface, #24262e);
      --_line: var(--iwy-border, rgb(255 255 255 / 0.08));
      --_accent: var(--iwy-accent, #6a5cff);
    }
  }
  * { box-sizing: border-box; }
  button { font: inherit; color: inherit; border: 0; cursor: pointer; -webkit-tap-highlight-color: transparent; }
  button:disabled { cursor: default; opacity: 0.45; }
  :focus-visible { outline: 3px solid var(--iwy-focus, var(--_accent)); outline-offset: 2px; }
  .icon { inline-size: 20px; block-size: 20px; fill: none; stroke: currentColor; stroke-width: 2;
    stroke-linecap: round; stroke-linejoin: round; flex: none; }
  .round { display: inline-grid; place-items: center; inline-size: 44px; block-size: 44px; padding: 0;
    border-radius: 50%; transition: transform 0.15s, background-color 0.15s, filter 0.15s; }
  .round:not(:disabled):hover { filter: brightness(1.08); transform: scale(1.05); }
  .round:not(:disabled):active { transform: scale(0.96); }
  .danger { background: var(--_danger); color: #fff; }
  .accent { background: var(--_accent); color: var(--_on-accent); }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; }
  }
`;
