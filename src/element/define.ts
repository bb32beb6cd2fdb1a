import { IwyAgentElement } from './iwy-agent.element.js';
import { IwyCaptionsElement } from './iwy-captions.js';
import { IwyControlsElement } from './iwy-controls.js';

declare global {
  interface HTMLElementTagNameMap {
    'iwy-agent': IwyAgentElement;
    'iwy-captions': IwyCaptionsElement;
    'iwy-controls': IwyControlsElement;
  }
}

/** Stamped on our classes so a second copy of the package on the page can be told apart (keep = package.json). */
const VERSION = '0.1.0';
const MARK = Symbol.for('iwy-agent/version');
type Marked = { [MARK]?: string };
const TAGS = { 'iwy-agent': IwyAgentElement, 'iwy-captions': IwyCaptionsElement, 'iwy-controls': IwyControlsElement };

/**
 * Registers `<iwy-agent>`, `<iwy-captions>` and `<iwy-controls>`. Safe to call many times and in
 * Node (no `customElements`: defines nothing). A tag someone already registered is kept as is,
 * with a warning when it comes from another version of this package.
 */
export function defineIwyAgent(registry = globalThis.customElements): void {
  if (!registry) return;
  for (const [tag, ctor] of Object.entries(TAGS)) {
    const existing = registry.get(tag) as Marked | undefined;
    if (!existing) {
      registry.define(tag, ctor);
      (ctor as Marked)[MARK] = VERSION;
    } else if (existing[MARK] !== VERSION) {
      console.warn(`iwy-agent ${VERSION}: <${tag}> is already defined by ${existing[MARK] ?? 'other code'}; keeping that.`);
    }
  }
}
