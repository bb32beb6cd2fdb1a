// The React and Vue example apps under demo/ are built with Vite and driven in Chromium: the element
// upgrades inside the framework, and its events reach framework state. The page's server has no session
// endpoint, so a click must travel element → fetch → 404 → `iwy-error` → the app's own DOM.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'vite';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { serveStatic } from '../../scripts/lib/static-server.js';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

for (const framework of ['react', 'vue'] as const) {
  describe(`${framework} example app`, () => {
    it('builds, upgrades <iwy-agent> and receives its events', async () => {
      const appDir = join(root, 'demo', framework);
      await build({ configFile: join(appDir, 'vite.config.ts'), logLevel: 'silent' });
      const server = await serveStatic({ '/': join(appDir, 'dist') });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(`${server.url}/index.html`);
        await page.waitForFunction(() => customElements.get('iwy-agent') !== undefined);
        const agent = page.locator('iwy-agent').first();
        assert.equal(await agent.getAttribute('state'), 'idle');
        assert.equal(await page.locator('#state').textContent(), 'idle');
        await agent.locator('[part~="start-button"]').click();
        await page.locator('#error', { hasText: 'agent-not-found' }).waitFor({ timeout: 10_000 });
        assert.equal(await page.locator('#state').textContent(), 'error');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await server.close();
      }
    });
  });
}
