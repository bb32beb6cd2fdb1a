import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { liveSessionContext, type LiveSession } from '../context.js';
import { shared } from './shared.styles.js';

/**
 * Captions of both sides of the call, newest at the bottom, in a polite live region. Reads the
 * session from the enclosing `<iwy-agent>` (through @lit/context), so it can be placed in its
 * `captions` slot or restyled freely.
 *
 * @tag iwy-captions
 * @summary Captions of the visitor and the agent.
 * @csspart line - One caption line.
 */
export class IwyCaptionsElement extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .log { display: flex; flex-direction: column; justify-content: flex-end; gap: 6px;
        max-block-size: var(--iwy-captions-height, 9em); overflow: hidden; }
      p { margin: 0; max-inline-size: 88%; padding: 6px 11px; border-radius: 12px; font-size: 14px;
        line-height: 1.4; color: #fff; background: rgb(10 10 16 / 0.62); backdrop-filter: blur(8px);
        align-self: flex-start; animation: in 0.18s ease-out; }
      p.user { align-self: flex-end; background: color-mix(in srgb, var(--_accent) 78%, rgb(10 10 16 / 0.6)); }
      p.partial { opacity: 0.8; }
      b { font-weight: 600; opacity: 0.75; }
      @keyframes in { from { opacity: 0; transform: translateY(4px); } }
    `,
  ];

  /** The live session from the enclosing `<iwy-agent>`. */
  @consume({ context: liveSessionContext, subscribe: true })
  @state()
  live?: LiveSession;

  protected override render() {
    if (!this.live) return nothing;
    const { snapshot, strings: t } = this.live;
    // Partial lines are shown but hidden from screen readers until final, so each is announced once.
    return html`<div class="log" role="log" aria-live="polite" aria-label=${t.captions}>
      ${repeat(snapshot.transcript.slice(-3), (e) => e.id, (e) =>
        html`<p part="line" dir="auto" class="${e.role} ${e.final ? '' : 'partial'}" aria-hidden=${e.final ? 'false' : 'true'}>
          <b>${e.role === 'user' ? t.you : t.agent}</b> ${e.text}</p>`)}
    </div>`;
  }
}
