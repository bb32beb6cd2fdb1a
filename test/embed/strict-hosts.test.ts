// Hosts with strict security policies: the script-tag build makes a full call (real WebRTC to the
// local simulator, through a backend made with iwy-agent/server) under the CSP the README documents,
// with and without Trusted Types enforced, and the page records no CSP violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { startCallHarness, type CallHarness } from '../../scripts/lib/call-harness.js';

/** The policy the README tells sites to use (with their simulator/iwy origin in connect-src). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' %SIM_ORIGIN%; " +
  "media-src 'self' blob: mediastream:; img-src 'self' data:";
const TRUSTED_TYPES = "; require-trusted-types-for 'script'; trusted-types lit-html";

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict host</title>
<script type="module" src="/dist/iwy-agent.js"></script></head>
<body><iwy-agent agent-id="demo" mode="inline" session-url="/api/iwy-session" captions></iwy-agent></body></html>`;

let browser: Browser;
let harness: CallHarness;

before(async () => {
  browser = await launchChromium();
  harness = await startCallHarness({
    '/csp.html': { html: page, headers: { 'Content-Security-Policy': CSP } },
    '/trusted-types.html': { html: page, headers: { 'Content-Security-Policy': CSP + TRUSTED_TYPES } },
  });
});
after(async () => {
  await browser?.close();
  await harness?.close();
});

async function fullCall(p: Page): Promise<void> {
  await p.waitForFunction(() => customElements.get('iwy-agent') !== undefined);
  const agent = p.locator('iwy-agent');
  await agent.locator('[part~="start-button"]').click();
  await p.waitForFunction(() => document.querySelector('iwy-agent')?.getAttribute('state') === 'live', null, { timeout: 20_000 });
  // Real frames of the agent's video reach the element's <video>.
  await p.waitForFunction(
    () => {
      const video = document.querySelector('iwy-agent')!.shadowRoot!.querySelector('video');
      return !!video && video.videoWidth >= 640 && (video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0) > 5;
    },
    null,
    { timeout: 20_000 },
  );
  await p.evaluate(() => (document.querySelector('iwy-agent') as HTMLElement & { end(): Promise<void> }).end());
  await p.waitForFunction(() => document.querySelector('iwy-agent')?.getAttribute('state') === 'ended');
}

for (const path of ['/csp.html', '/trusted-types.html']) {
  describe(`strict host ${path}`, () => {
    it('makes a full call with no CSP violation', async () => {
      const p = await browser.newPage();
      await p.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      try {
        await p.goto(`${harness.url}${path}`);
        await fullCall(p);
        const violations = await p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
        assert.deepEqual(violations, []);
        assert.deepEqual(errors, []);
      } finally {
        await p.close();
      }
    });
  });
}
