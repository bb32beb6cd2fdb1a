// End to end over real WebRTC: <iwy-agent> (the script-tag build, in Chromium with fake media) →
// a backend made with iwy-agent/server → the local iwy simulator and its simulated agent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { startCallHarness, type CallHarness } from '../../scripts/lib/call-harness.js';
import { IwyClient } from '../../src/server/index.js';
import { openCall, recordEvents, type CallPage } from '../../scripts/lib/call-page.js';

let browser: Browser;
let harness: CallHarness;
let iwy: IwyClient;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/iwy-agent.js"></script></head><body></body></html>`;

before(async () => {
  browser = await launchChromium();
  harness = await startCallHarness({ '/': { html: PAGE } });
  iwy = new IwyClient({ apiKey: harness.simulator.apiKey, baseUrl: harness.simulator.url });
});
after(async () => {
  await browser?.close();
  await harness?.close();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(recordEvents);
  await page.goto(`${harness.url}/`);
  await page.waitForFunction(() => customElements.get('iwy-agent') !== undefined);
  return page;
}

const agentWith = (metadata: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  iwy.createAgent({
    name: `e2e ${Math.random().toString(36).slice(2, 8)}`,
    configuration: { llm: { first_message: 'Hello from the test agent.' }, ...extra },
    metadata,
  });

describe('a call with the demo agent', () => {
  let page: Page;
  let call: CallPage;
  before(async () => {
    page = await newPage();
    call = await openCall(page, 'demo');
    await call.waitForState('live');
  });
  after(() => page.close());

  it('goes idle → requesting → connecting → waiting → live and fires iwy-agent-ready', async () => {
    assert.deepEqual(await call.states(), ['requesting', 'connecting', 'waiting', 'live']);
    assert.equal(await call.count('iwy-connected'), 1);
    assert.equal(await call.count('iwy-agent-ready'), 1);
  });

  it('shows real video frames of at least 640×480, and more of them over time', async () => {
    // The agent's video track may start a moment after bot-ready.
    await page.waitForFunction(() => (document.querySelector('iwy-agent')?.shadowRoot?.querySelector('video')?.videoWidth ?? 0) > 0, null, { timeout: 15_000 });
    const first = await call.video();
    await page.waitForTimeout(1000);
    const later = await call.video();
    assert.ok(first.width >= 640 && first.height >= 480, `video is ${first.width}×${first.height}`);
    assert.ok(later.frames > first.frames + 10, `frames ${first.frames} → ${later.frames}`);
  });

  it("speaks the agent's first message as an agent transcript", async () => {
    const text = await call.waitForTranscript('agent', (t) => t.includes('iwy demo agent'));
    assert.match(text, /iwy demo agent/);
  });

  it('round-trips typed text: the visitor line, then an agent answer', async () => {
    await call.sendText('hello there');
    await call.waitForTranscript('user', (t) => t === 'hello there');
    await call.waitForTranscript('agent', (t) => t.includes('hello there'));
  });

  it('end() releases the microphone and every peer connection', async () => {
    await call.end();
    await call.waitForState('ended');
    assert.deepEqual(await call.leftovers(), { liveTracks: 0, openPeerConnections: 0 });
    const disconnected = await call.details('iwy-disconnected');
    assert.equal(disconnected.length, 1);
    assert.equal(disconnected[0]!.reason, 'user');
    // The agent is told the visitor hung up (RTVI disconnect-bot): its session ends at once instead of
    // waiting for a reconnect that will not come (and costing minutes).
    const deadline = Date.now() + 3000;
    while (harness.simulator.sessions().length > 0 && Date.now() < deadline) await page.waitForTimeout(50);
    assert.deepEqual(harness.simulator.sessions(), []);
  });
});

describe('tools', () => {
  it("calls the agent's tool webhook when the visitor asks, and speaks its answer", async () => {
    const calls: { method?: string; body: unknown }[] = [];
    const webhook = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        calls.push({ method: req.method, body: JSON.parse(raw) });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ result: 'It is sunny in Oslo.' }));
      });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
    const page = await newPage();
    try {
      const tool = await iwy.createTool({
        name: 'get_weather',
        description: 'The weather in a city',
        server_url: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/weather`,
        parameters_schema: { type: 'object', properties: { query: { type: 'string' } } },
      });
      const agent = await agentWith({}, { tool_calling: { selected_tool_ids: [tool.id] } });
      const call = await openCall(page, agent.id);
      await call.waitForState('live');
      await call.sendText('What is the weather in Oslo?');
      await call.waitForTranscript('agent', (t) => t.includes('sunny in Oslo'));
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.method, 'POST');
      assert.deepEqual(calls[0]!.body, { tool_id: tool.id, tool_name: 'get_weather', parameters: { query: 'What is the weather in Oslo?' } });
      await call.end();
    } finally {
      await page.close();
      webhook.close();
    }
  });
});

describe('faults', () => {
  it('a short network drop goes through reconnecting back to live', async () => {
    const agent = await agentWith({ simulator: { dropNetworkAfterMs: 1000, dropSeconds: 2 } });
    const page = await newPage();
    try {
      const call = await openCall(page, agent.id);
      await call.waitForState('live');
      await call.waitForState('reconnecting', 15_000);
      await call.waitForStates(['live', 'reconnecting', 'live'], 30_000);
      await call.end();
      assert.deepEqual(await call.leftovers(), { liveTracks: 0, openPeerConnections: 0 });
    } finally {
      await page.close();
    }
  });

  it('a lasting drop ends in network-lost', async () => {
    const agent = await agentWith({ simulator: { dropNetworkAfterMs: 500, dropSeconds: 600 } });
    const page = await newPage();
    try {
      const call = await openCall(page, agent.id, { reconnectMs: 4000 });
      await call.waitForState('error', 40_000);
      const errors = await call.details('iwy-error');
      assert.equal(errors.at(-1)!.code, 'network-lost');
      assert.equal((await call.details('iwy-disconnected')).at(-1)!.reason, 'network');
      assert.deepEqual(await call.leftovers(), { liveTracks: 0, openPeerConnections: 0 });
    } finally {
      await page.close();
    }
  });

  it('an agent that never gets ready ends in agent-timeout', async () => {
    const agent = await agentWith({ simulator: { neverReady: true } });
    const page = await newPage();
    try {
      const call = await openCall(page, agent.id, { readyMs: 2000 });
      await call.waitForState('error', 15_000);
      assert.equal((await call.details('iwy-error')).at(-1)!.code, 'agent-timeout');
      assert.deepEqual(await call.leftovers(), { liveTracks: 0, openPeerConnections: 0 });
    } finally {
      await page.close();
    }
  });

  it("a single-use agent's second session is refused with agent-not-found", async () => {
    const agent = await iwy.createEphemeralAgent({ configuration: { llm: { first_message: 'Once only.' } }, ttl_seconds: 60 });
    const page = await newPage();
    try {
      const call = await openCall(page, agent.id);
      await call.waitForState('live');
      await call.end();
      await call.waitForState('ended');
      await call.start();
      await call.waitForState('error');
      assert.equal((await call.details('iwy-error')).at(-1)!.code, 'agent-not-found');
    } finally {
      await page.close();
    }
  });
});
