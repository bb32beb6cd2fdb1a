// Screenshots of <iwy-agent> in headless Chromium, light and dark:
//   node scripts/screenshot.mjs   → screenshots/light.png, screenshots/dark.png (+ screenshots/tmp/*)
// Bundles scripts/screenshot-scenes.ts with esbuild and serves it on 127.0.0.1.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = await build({
  entryPoints: [`${root}scripts/screenshot-scenes.ts`],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
  ignoreAnnotations: true, // package.json sideEffects would drop the test element's registration
});
const js = out.outputFiles[0].text;

const page = `<!doctype html><html><head><meta charset="utf-8"><title>iwy-agent</title><style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; --fg: #14151a; --bg: #f6f7fb; --card: #fff; }
  @media (prefers-color-scheme: dark) { :root { --fg: #eceef4; --bg: #0c0d11; --card: #15161c; } }
  body { margin: 0; background: var(--bg); color: var(--fg); }
  header { display: flex; gap: 32px; align-items: center; padding: 20px 48px; }
  nav { display: flex; gap: 20px; opacity: .7; }
  main { padding: 8px 48px; }
  h1 { font-size: 30px; letter-spacing: -.02em; margin: 8px 0; } p { opacity: .7; margin: 0 0 24px; }
  .row { display: flex; gap: 24px; }
  .row test-iwy-agent { width: 300px; height: 460px; }
</style><script type="module" src="/scenes.js"></script></head><body></body></html>`;

const server = createServer((req, res) => {
  const js_ = req.url.startsWith('/scenes.js');
  res.writeHead(js_ ? 200 : 200, { 'content-type': js_ ? 'text/javascript' : 'text/html' });
  res.end(js_ ? js : page);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const shots = [
  ['screenshots/light.png', '', 'light'],
  ['screenshots/dark.png', '', 'dark'],
  ['screenshots/tmp/rtl.png', '?lang=ar', 'light'],
  ['screenshots/tmp/bubble.png', '?scene=bubble', 'light'],
];
try {
  await mkdir(`${root}screenshots/tmp`, { recursive: true });
  for (const [file, query, colorScheme] of shots) {
    const p = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme });
    p.on('pageerror', (e) => console.error('page error:', e.message));
    p.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    await p.goto(base + query);
    await p.waitForFunction(() => window.__ready === true, null, { timeout: 10_000 });
    await p.waitForTimeout(600); // a few video frames, animations settled
    await p.screenshot({ path: `${root}${file}` });
    await p.close();
    console.log('wrote', file);
  }
} finally {
  await browser.close();
  server.close();
}
