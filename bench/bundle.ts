/**
 * What a host page pays before the first click: gzip bytes of the script-tag build it loads (against
 * bare Lit built in the same run), network requests the widget makes, and main-thread long tasks.
 */
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../scripts/lib/chromium.js';
import { serveStatic } from '../scripts/lib/static-server.js';

const root = resolve(import.meta.dirname, '..');
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

async function bareLitGzipBytes(): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'iwy-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: out,
        target: 'es2022',
        lib: { entry: join(root, 'bench/fixtures/bare-lit.ts'), formats: ['es'], fileName: () => 'bare.js' },
      },
    });
    return gz(await readFile(join(out, 'bare.js')));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
  window.__longTasks = 0;
  new PerformanceObserver((l) => { window.__longTasks += l.getEntries().length; })
    .observe({ type: 'longtask', buffered: true });
</script>
<script type="module" src="/dist/iwy-agent.js"></script></head>
<body><iwy-agent agent-id="demo" session-url="/api/iwy-session"></iwy-agent>
<iwy-agent agent-id="demo" mode="inline" session-url="/api/iwy-session" style="display:block;height:400px"></iwy-agent>
</body></html>`;

export interface BundleFigures {
  firstLoadGzipBytes: number;
  firstLoadFiles: string[];
  bareLitGzipBytes: number;
  widgetRequestsBeforeClick: number;
  longTasksBeforeClick: number;
}

export async function runBundleBench(): Promise<BundleFigures> {
  const bareLit = await bareLitGzipBytes();
  const server = await serveStatic({ '/dist': join(root, 'dist') }, { '/': PAGE });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => customElements.get('iwy-agent') !== undefined);
    await page.waitForTimeout(500);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
    const scripts = requested.filter((p) => p.startsWith('/dist/') && p.endsWith('.js'));
    let bytes = 0;
    for (const p of scripts) bytes += gz(await readFile(join(root, p)));
    const widgetRequests = requested.filter((p) => p !== '/' && !scripts.includes(p));
    return {
      firstLoadGzipBytes: bytes,
      firstLoadFiles: scripts,
      bareLitGzipBytes: bareLit,
      widgetRequestsBeforeClick: widgetRequests.length,
      longTasksBeforeClick: longTasks,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function printBundleFigures(f: BundleFigures): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('\n## First load (script tag, before the first click)');
  console.log(`script-tag build, gzip:     ${kb(f.firstLoadGzipBytes)}  (${f.firstLoadFiles.join(', ')})  target ≤ 15 KB`);
  console.log(`bare lit baseline, gzip:    ${kb(f.bareLitGzipBytes)}`);
  console.log(`ratio to bare lit:          ${(f.firstLoadGzipBytes / f.bareLitGzipBytes).toFixed(2)}×  (ElevenLabs embed 191 KB: ${(191 * 1024 / f.firstLoadGzipBytes).toFixed(1)}× larger)`);
  console.log(`widget requests before click: ${f.widgetRequestsBeforeClick}  target 0`);
  console.log(`long tasks before click:      ${f.longTasksBeforeClick}  target 0`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printBundleFigures(await runBundleBench());
}
