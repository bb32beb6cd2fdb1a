/**
 * Real calls over WebRTC to the local simulator, through a backend made with iwy-agent/server:
 *  - click → first agent video frame, median of N runs, for <iwy-agent> and for the bare Pipecat client
 *  - 50 start/end cycles of the element: live tracks, open peer connections and JS heap growth after.
 */
import { build } from 'vite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../scripts/lib/chromium.js';
import { startCallHarness } from '../scripts/lib/call-harness.js';
import { recordEvents } from '../scripts/lib/call-page.js';

const root = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ELEMENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/iwy-agent.js"></script></head><body></body></html>`;
const BARE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/bare/bare-client.js"></script></head><body></body></html>`;

async function elementCall(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const el = document.createElement('iwy-agent') as HTMLElement & { start(): Promise<void>; end(): Promise<void>; updateComplete: Promise<unknown> };
    el.setAttribute('agent-id', 'demo');
    el.setAttribute('mode', 'inline');
    el.setAttribute('session-url', '/api/iwy-session');
    document.body.append(el);
    await el.updateComplete;
    const t0 = performance.now();
    void el.start();
    await new Promise<void>((done, fail) => {
      const check = () => {
        const video = el.shadowRoot?.querySelector('video');
        if (video && video.getVideoPlaybackQuality().totalVideoFrames > 0) done();
        else if (el.getAttribute('state') === 'error') fail(new Error(`call failed: ${(el as unknown as { error?: Error }).error?.message}`));
        else requestAnimationFrame(check);
      };
      check();
    });
    const ms = performance.now() - t0;
    await el.end();
    el.remove();
    return ms;
  });
}

export interface CallFigures {
  runs: number;
  elementFirstFrameMs: number;
  bareClientFirstFrameMs: number;
  cycles: number;
  liveTracksAfter: number;
  openPeerConnectionsAfter: number;
  heapGrowthBytes: number;
}

export async function runCallBench({ runs = 10, cycles = 50 } = {}): Promise<CallFigures> {
  const bareDir = await mkdtemp(join(tmpdir(), 'iwy-bare-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: bareDir, target: 'es2022', lib: { entry: join(root, 'bench/fixtures/bare-client.ts'), formats: ['es'], fileName: () => 'bare-client.js' } },
  });
  const harness = await startCallHarness({ '/element.html': { html: ELEMENT_PAGE }, '/bare.html': { html: BARE_PAGE } }, { mounts: { '/bare': bareDir } });
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    const elementPage = await browser.newPage();
    // tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the page need it.
    await elementPage.addInitScript('globalThis.__name = (f) => f;');
    await elementPage.addInitScript(recordEvents);
    await elementPage.goto(`${harness.url}/element.html`);
    await elementPage.waitForFunction(() => customElements.get('iwy-agent') !== undefined);
    const barePage = await browser.newPage();
    await barePage.goto(`${harness.url}/bare.html`);
    await barePage.waitForFunction(() => typeof window.bareCall === 'function');

    // Warm up both (transport chunks, codecs), then alternate so drift hits both equally.
    await elementCall(elementPage);
    await barePage.evaluate(async () => (await window.bareCall('/api/iwy-session')).end());
    const element: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      element.push(await elementCall(elementPage));
      bare.push(await barePage.evaluate(async () => {
        const call = await window.bareCall('/api/iwy-session');
        await call.end();
        return call.firstFrameMs;
      }));
    }

    const cdp = await elementPage.context().newCDPSession(elementPage);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const heapBefore = await heap();
    for (let i = 0; i < cycles; i++) await elementCall(elementPage);
    await elementPage.waitForTimeout(500);
    const heapAfter = await heap();
    const leftovers = await elementPage.evaluate(() => {
      const w = window as unknown as { __pcs: RTCPeerConnection[]; __tracks: MediaStreamTrack[] };
      return {
        tracks: w.__tracks.filter((t) => t.readyState === 'live').length,
        pcs: w.__pcs.filter((pc) => pc.connectionState !== 'closed' && pc.signalingState !== 'closed').length,
      };
    });
    return {
      runs,
      elementFirstFrameMs: median(element),
      bareClientFirstFrameMs: median(bare),
      cycles,
      liveTracksAfter: leftovers.tracks,
      openPeerConnectionsAfter: leftovers.pcs,
      heapGrowthBytes: heapAfter - heapBefore,
    };
  } finally {
    await browser.close();
    await harness.close();
    await rm(bareDir, { recursive: true, force: true });
  }
}

export function printCallFigures(f: CallFigures): void {
  console.log(`\n## Calls (median of ${f.runs} runs, click → first agent video frame)`);
  console.log(`<iwy-agent>:          ${f.elementFirstFrameMs.toFixed(0)} ms`);
  console.log(`bare Pipecat client:  ${f.bareClientFirstFrameMs.toFixed(0)} ms`);
  console.log(`ratio element/bare:   ${(f.elementFirstFrameMs / f.bareClientFirstFrameMs).toFixed(2)}  target ≤ 1.00`);
  console.log(`after ${f.cycles} start/end cycles: live tracks ${f.liveTracksAfter} (target 0), open peer connections ${f.openPeerConnectionsAfter} (target 0), heap growth ${(f.heapGrowthBytes / 1048576).toFixed(2)} MB (target < 2 MB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printCallFigures(await runCallBench());
}
