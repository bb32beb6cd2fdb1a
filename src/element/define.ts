import { IwyAgentElement } from './iwy-agent.element.js';
import type { IwyCaptionsElement } from './iwy-captions.js';
import type { IwyControlsElement } from './iwy-controls.js';

declare global {
  interface HTMLElementTagNameMap {
    'iwy-agent': IwyAgentElement;
    /** Registered once the call code has loaded (on the first start()). */
    'iwy-captions': IwyCaptionsElement;
    /** Registered once the call code has loaded (on the first start()). */
    'iwy-controls': IwyControlsElement;
  }
}

/** Stamped on our classes so a second copy of the package on the page can be told apart (keep = package.json). */
const VERSION = '0.1.0';
const MARK = Symbol.for('iwy-agent/version');
type Marked = { [MARK]?: string };
/** The page's registry; undefined in Node, even where Lit's SSR shim puts a `customElements` there. */
const pageRegistry = () => (globalThis.document ? globalThis.customElements : undefined);

/**
 * Registers `tag` unless the page already has it (then it warns when that one is not this
 * version of ours). Outside a browser page (Node, SSR) it does nothing.
 */
export function defineTag(tag: string, ctor: CustomElementConstructor, registry = pageRegistry()): void {
  if (!registry) return;
  const existing = registry.get(tag) as Marked | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    (ctor as Marked)[MARK] = VERSION;
  } else if (existing[MARK] !== VERSION) {
    console.warn(`iwy-agent ${VERSION}: <${tag}> is already defined by ${existing[MARK] ?? 'other code'}; keeping that.`);
  }
}

/**
 * Registers `<iwy-agent>`; safe to call many times and in Node. Its `<iwy-captions>` and
 * `<iwy-controls>` parts register with the call code, which loads on the first start().
 */
export const defineIwyAgent = (registry = pageRegistry()): void => defineTag('iwy-agent', IwyAgentElement, registry);
