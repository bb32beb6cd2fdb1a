// Server-side rendering frameworks import the package in Node: that must not throw and must define
// nothing; the element upgrades later, in the browser.
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';

// The built package, as an SSR framework imports it (built by `npm run build` before the tests).
const built = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../dist/lib', path)).href);

describe('importing iwy-agent in Node (SSR)', () => {
  it('does not throw and registers no element', async () => {
    const mod = await built('index.js');
    assert.ok(mod, 'the module loads');
    assert.equal(typeof mod.IwyAgentElement, 'function', 'the class is exported for SSR frameworks');
    const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
    assert.equal(registry?.get('iwy-agent'), undefined);
  });

  it('loads the React wrapper without a DOM', async () => {
    const mod = await built('react/index.js');
    assert.equal(typeof mod.IwyAgent, 'object', 'a forwardRef component');
  });
});
