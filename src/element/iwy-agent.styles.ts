import { css } from 'lit';
import { shared } from './shared.styles.js';

export const styles = [
  shared,
  css`
    :host { display: block; color: var(--_fg); --_gap: var(--iwy-offset, 20px); }
    :host([hidden]) { display: none; }
    /* Fills its container when that has a height; 320px at least. */
    :host([mode='inline']) { display: flex; flex-direction: column; block-size: 100%; min-block-size: 320px; }

    .floating { position: fixed; inset-block-end: var(--_gap); inset-inline-end: var(--_gap);
      z-index: var(--iwy-z-index, 2147483000); }
    .inline { flex: 1; display: flex; min-block-size: 0; }

    .bubble { position: relative; display: grid; place-items: center; padding: 0;
      inline-size: var(--iwy-bubble-size, 64px); block-size: var(--iwy-bubble-size, 64px); border-radius: 50%;
      background: var(--_accent); color: var(--_on-accent); transition: transform 0.2s;
      box-shadow: 0 10px 28px -6px color-mix(in srgb, var(--_accent) 60%, transparent), 0 3px 10px rgb(0 0 0 / 0.16); }
    .bubble:hover { transform: scale(1.06); }
    .bubble .icon { inline-size: 28px; block-size: 28px; }

    .panel { position: relative; display: flex; flex-direction: column; overflow: hidden;
      background: var(--_bg); border-radius: var(--_radius); border: 1px solid var(--_line); }
    .floating .panel { inline-size: min(var(--iwy-panel-width, 360px), calc(100vw - 2 * var(--_gap)));
      block-size: min(var(--iwy-panel-height, 560px), calc(100dvh - 2 * var(--_gap)));
      box-shadow: 0 24px 64px -12px rgb(0 0 0 / 0.35), 0 4px 16px rgb(0 0 0 / 0.1);
      transform-origin: bottom right; animation: pop 0.24s cubic-bezier(0.2, 0.9, 0.3, 1.2); }
    [dir='rtl'] .panel { transform-origin: bottom left; }
    .inline .panel { flex: 1; }

    .stage { position: relative; flex: 1; min-block-size: 0; display: grid; place-items: center;
      color: #fff; overflow: hidden; isolation: isolate;
      background: var(--iwy-stage-bg, radial-gradient(120% 90% at 50% 0%,
        color-mix(in srgb, var(--_accent) 55%, #0d0e14) 0%, #0d0e14 70%)); }
    .stage::after { content: ''; position: absolute; inset: 0; pointer-events: none; z-index: 1;
      background: linear-gradient(to bottom, rgb(0 0 0 / 0.35), transparent 22%, transparent 55%, rgb(0 0 0 / 0.55)); }
    .stage:not(.has-media)::after { display: none; }
    video, .poster { position: absolute; inset: 0; inline-size: 100%; block-size: 100%; object-fit: cover; }

    .top { position: absolute; inset-block-start: 12px; inset-inline: 12px; z-index: 3;
      display: flex; align-items: center; gap: 8px; }
    .close { margin-inline-start: auto; inline-size: 36px; block-size: 36px; color: #fff;
      background: rgb(0 0 0 / 0.35); backdrop-filter: blur(10px); }
    .stage :focus-visible { outline-color: #fff; }

    .center { position: relative; z-index: 2; display: flex; flex-direction: column; align-items: center;
      gap: 14px; padding: 24px; max-inline-size: 320px; text-align: center; }
    .center p { margin: 0; }
    .intro.over-poster { align-self: end; padding-block-end: 28px; }
    .title { font-size: 19px; font-weight: 650; letter-spacing: -0.01em; text-shadow: 0 1px 8px rgb(0 0 0 / 0.3); }
    .avatar { display: grid; place-items: center; inline-size: 88px; block-size: 88px; border-radius: 50%;
      background: linear-gradient(145deg, color-mix(in srgb, var(--_accent) 80%, #fff), var(--_accent));
      box-shadow: 0 0 0 10px rgb(255 255 255 / 0.06), 0 0 0 22px rgb(255 255 255 / 0.04);
      animation: breathe 3.2s ease-in-out infinite; }
    .avatar .icon { inline-size: 38px; block-size: 38px; stroke-width: 1.6; }
    .status { font-size: 15px; font-weight: 500; }
    .spinner { inline-size: 44px; block-size: 44px; border-radius: 50%; border: 3px solid rgb(255 255 255 / 0.2);
      border-block-start-color: #fff; animation: spin 0.9s linear infinite; }

    .pill { display: inline-flex; align-items: center; justify-content: center; gap: 8px; min-block-size: 46px;
      padding: 0 22px; border-radius: 999px; font-size: 15px; font-weight: 600;
      transition: transform 0.15s, filter 0.15s; box-shadow: 0 6px 18px -6px rgb(0 0 0 / 0.5); }
    .pill:hover { filter: brightness(1.08); transform: translateY(-1px); }
    .pill:active { transform: none; }
    .pill .icon { inline-size: 18px; block-size: 18px; }


    @keyframes pop { from { opacity: 0; transform: translateY(12px) scale(0.94); } }
    @keyframes spin { to { transform: rotate(1turn); } }
    @keyframes breathe { 50% { transform: scale(1.04); } }
  `,
];
