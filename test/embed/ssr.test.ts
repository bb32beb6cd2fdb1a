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

describe('iwy-agent/server/fetch (edge runtimes)', () => {
  it('imports no Node built-in and not the Node adapter, directly or through its chunks', async () => {
    const { readFile } = await import('node:fs/promises');
    const dir = resolve(import.meta.dirname, '../../dist/lib/server');
    const seen = new Set<string>();
    const visit = async (file: string): Promise<string[]> => {
      if (seen.has(file)) return [];
      seen.add(file);
      const code = await readFile(file, 'utf8');
      const specifiers = [...code.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]!);
      const nested = await Promise.all(specifiers.filter((s) => s.startsWith('.')).map((s) => visit(resolve(file, '..', s))));
      return [...specifiers.filter((s) => !s.startsWith('.')), ...nested.flat()];
    };
    const external = await visit(resolve(dir, 'fetch.js'));
    assert.deepEqual(external.filter((s) => s.startsWith('node:') || s.includes('node-server')), []);
    const mod = await built('server/fetch.js');
    // The check itself sees the Node adapter where it is: in the full entry.
    assert.ok((await visit(resolve(dir, 'index.js'))).some((s) => s.includes('node-server')));
    assert.equal(typeof mod.createSessionHandler, 'function');
    assert.equal(mod.toNodeHandler, undefined);
  });
});
