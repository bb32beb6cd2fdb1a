import { css } from 'lit';

/** Styles of <iwy-agent>'s call views (video, live chip, error, captions), adopted when a call loads. */
export const callStyles = css`
    .bubble.in-call::after { content: ''; position: absolute; inset: -5px; border-radius: 50%;
      border: 3px solid #22c55e; animation: pulse 1.6s ease-out infinite; }
    .stage.speaking { box-shadow: inset 0 0 0 3px color-mix(in srgb, var(--_accent) 75%, #fff); }
    video { background: #000; }
    .chip { display: inline-flex; align-items: center; gap: 6px; padding: 5px 11px 5px 9px; border-radius: 999px;
      font-size: 12.5px; font-weight: 600; background: rgb(0 0 0 / 0.45); backdrop-filter: blur(10px); }
    .dot { inline-size: 8px; block-size: 8px; border-radius: 50%; background: #22c55e;
      box-shadow: 0 0 0 3px rgb(34 197 94 / 0.3); }
    .bars { display: inline-flex; align-items: center; gap: 2px; block-size: 12px; margin-inline-start: 4px; }
    .bars i { inline-size: 3px; block-size: 4px; border-radius: 2px; background: currentColor; opacity: 0.8; }
    .speaking .bars i { animation: bar 0.9s ease-in-out infinite; }
    .speaking .bars i:nth-child(2) { animation-delay: -0.3s; }
    .speaking .bars i:nth-child(3) { animation-delay: -0.6s; }
    .error .message { font-size: 15px; line-height: 1.45; }
    .badge { display: grid; place-items: center; inline-size: 52px; block-size: 52px; border-radius: 50%;
      background: color-mix(in srgb, var(--_danger) 30%, transparent); color: #ffb4ab; }
    .badge .icon { inline-size: 28px; block-size: 28px; }
    .light { background: #fff; color: #14151a; }
    .captions { position: absolute; z-index: 2; inset-inline: 12px; inset-block-end: 12px; }
    @keyframes pulse { from { opacity: 0.9; transform: scale(0.95); } to { opacity: 0; transform: scale(1.25); } }
    @keyframes bar { 50% { block-size: 12px; } }
`;
