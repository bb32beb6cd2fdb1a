import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { agentBody, api, toolBody } from './helpers.js';
import { startWebhook } from './webhook-server.js';
import { WrtcVisitor } from './wrtc-client.js';

let sim: Simulator;
let call: ReturnType<typeof api>;
let hook: Awaited<ReturnType<typeof startWebhook>>;
const visitors: WrtcVisitor[] = [];
before(async () => {
  [sim, hook] = await Promise.all([startSimulator({ reconnectGraceMs: 400 }), startWebhook()]);
  call = api(sim);
});
// Each test's visitors leave when it ends: idle decoders would only slow the next test down.
afterEach(() => {
  for (const v of visitors.splice(0)) v.close();
});
after(async () => {
  await Promise.all([sim.close(), hook.close()]);
  assert.equal(sim.playingSessions(), 0, 'nothing encodes after close()');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

/** Starts a session for an agent, connects a visitor and completes the RTVI handshake. */
async function join(agentId: string, { ready = true } = {}) {
  const started = await call('POST', '/start-agent-session', { agentId });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const visitor = new WrtcVisitor(started.body.webrtcUrl);
  visitors.push(visitor);
  const res = await visitor.connect();
  assert.equal(res.status, 200);
  await visitor.opened();
  visitor.send('client-ready', { version: '2.1.0', about: { library: 'test' } });
  if (ready) await visitor.waitFor((m) => m.type === 'bot-ready', 'bot-ready');
  return { visitor, sessionId: started.body.sessionId as string, answer: (await res.json()) as { sdp: string; pc_id: string } };
}

const saying = (text: RegExp) => (m: { type: string; data?: Record<string, unknown> }) =>
  m.type === 'bot-output' && text.test(String(m.data?.text));

describe('simulated agent over WebRTC', () => {
  it('answers with loopback-only candidates, says bot-ready 2.1.0 and its first message, streams 640×480 video', async () => {
    const { visitor, answer } = await join('demo');
    const candidates = answer.sdp.split('\r\n').filter((l) => l.startsWith('a=candidate:'));
    assert.ok(candidates.length > 0, 'candidates are inside the answer');
    assert.ok(candidates.every((l) => l.includes(' 127.0.0.1 ')), candidates.join('\n'));
    assert.match(answer.pc_id, /^pc-/);
    assert.equal(visitor.messages.find((m) => m.type === 'bot-ready')!.data!.version, '2.1.0');
    await visitor.waitFor(saying(/iwy demo agent/), 'first message');
    await visitor.waitFor((m) => m.type === 'bot-transcription', 'bot transcript');
    await visitor.waitFor((m) => m.type === 'bot-started-speaking', 'speaking');
    await visitor.framesAtLeast(3);
    const seen = visitor.frames;
    await sleep(1000);
    // 20 fps are sent; the bar is lower so a loaded CI machine does not flake (bench/simulator.ts measures fps).
    assert.ok(visitor.frames - seen >= 10, `a live stream: ${visitor.frames - seen} frames in 1 s`);
    assert.equal(visitor.width, 640);
    assert.equal(visitor.height, 480);
    assert.ok(visitor.audioFrames > 0, 'audio arrives');
  });

  it('survives pings and garbage, and answers text (without transcribing it) with speaking events', async () => {
    const { visitor } = await join('demo');
    for (const junk of ['ping: 1712345678', '{not json', '[]', 'null', JSON.stringify({ label: 'other', type: 'x' }), JSON.stringify({ type: 'signalling', message: { type: 'trackStatus' } })]) visitor.sendRaw(junk);
    visitor.send('send-text', { content: 'Hello there', options: {} });
    await visitor.waitFor(saying(/You said: Hello there/), 'reply');
    await visitor.waitFor((m) => m.type === 'bot-stopped-speaking', 'stopped speaking', 10_000);
    // Pipecat's server does not echo send-text as a user-transcription: the client shows typed lines itself.
    assert.ok(!visitor.messages.some((m) => m.type === 'user-transcription'), 'typed text is not transcribed');
  });

  it('calls an attached tool webhook when the text names it and speaks its answer', async () => {
    const tool = (await call('POST', '/tool', toolBody(`${hook.url}/weather`, { headers: { 'X-Token': 't' } }))).body;
    const agent = (await call('POST', '/agent', agentBody({ configuration: { tool_calling: { selected_tool_ids: [tool.id] } } }))).body;
    const { visitor } = await join(agent.id);
    visitor.send('send-text', { content: 'How is the weather in Oslo?' });
    await visitor.waitFor(saying(/sunny in Oslo/), 'tool answer');
    const hit = hook.hits.find((h) => h.url === '/weather')!;
    assert.equal(hit.headers['x-token'], 't');
    assert.deepEqual(JSON.parse(hit.body), { tool_id: tool.id, tool_name: 'get_weather', parameters: { query: 'How is the weather in Oslo?' } });
    assert.ok(visitor.messages.some((m) => m.type === 'llm-function-call-started'));
  });

  it('takes a restart_pc offer onto a new connection and keeps the conversation', async () => {
    const { visitor, sessionId } = await join('demo');
    const again = new WrtcVisitor(visitor.offerUrl);
    visitors.push(again);
    again.pcId = visitor.pcId;
    assert.equal((await again.connect(true)).status, 200);
    await again.opened();
    visitor.close();
    await again.framesAtLeast(2);
    again.send('send-text', { content: 'still there?' });
    await again.waitFor(saying(/still there/), 'reply after restart');
    assert.equal(sim.sessions().find((s) => s.id === sessionId)!.state, 'live');
    assert.equal(again.messages.filter((m) => m.type === 'bot-ready').length, 0, 'no second greeting without client-ready');
  });

  it('renegotiates on the same connection when re-offered without restart_pc', async () => {
    const { visitor } = await join('demo');
    const pcId = visitor.pcId;
    assert.equal((await visitor.connect(false)).status, 200);
    assert.equal(visitor.pcId, pcId);
    assert.equal(visitor.dc.readyState, 'open', 'the same channel stays open');
    visitor.send('send-text', { content: 'after renegotiation' });
    await visitor.waitFor(saying(/after renegotiation/), 'reply on the renegotiated connection');
  });

  it('ends on disconnect-bot with peerLeft, and when the visitor goes away', async () => {
    const first = await join('demo');
    first.visitor.send('disconnect-bot');
    await first.visitor.waitFor((m) => m.type === 'signalling', 'peerLeft');
    await until(() => !sim.sessions().some((s) => s.id === first.sessionId), 'session ended');

    const second = await join('demo');
    const playing = sim.playingSessions();
    second.visitor.close();
    await until(() => sim.playingSessions() === playing - 1, 'encoding stops when the peer goes away');
    await until(() => !sim.sessions().some((s) => s.id === second.sessionId), 'session ends after the grace time');
  });

  it('fault switches: reject the offer, never ready, end from the agent side', async () => {
    const reject = (await call('POST', '/agent', agentBody({ metadata: { simulator: { rejectOffer: true } } }))).body.id;
    const started = (await call('POST', '/start-agent-session', { agentId: reject })).body;
    const rejected = new WrtcVisitor(started.webrtcUrl);
    visitors.push(rejected);
    const refused = await rejected.connect();
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: string }).error, 'offer_rejected');

    const silent = (await call('POST', '/agent', agentBody({ metadata: { simulator: { neverReady: true } } }))).body.id;
    const { visitor } = await join(silent, { ready: false });
    await sleep(600);
    assert.ok(!visitor.messages.some((m) => m.type === 'bot-ready'), 'no bot-ready');

    const ending = (await call('POST', '/agent', agentBody({ metadata: { simulator: { endAfterMs: 200 } } }))).body.id;
    const ended = await join(ending);
    await ended.visitor.waitFor((m) => m.type === 'signalling', 'peerLeft from the agent', 2000);
    await until(() => !sim.sessions().some((s) => s.id === ended.sessionId), 'agent-ended session gone');
  });

  it('drops the network for N seconds: offers get 503, then a restart_pc offer resumes the session', async () => {
    const { visitor, sessionId } = await join('demo');
    await visitor.framesAtLeast(1);
    const faults = await call('POST', `/sessions/${sessionId}/faults`, { dropNetworkAfterMs: 0, dropSeconds: 1 });
    assert.equal(faults.status, 200);
    await until(() => ['disconnected', 'failed', 'closed'].includes(visitor.pc.connectionState) || visitor.dc.readyState !== 'open', 'visitor notices the drop');
    const retry = new WrtcVisitor(visitor.offerUrl);
    visitors.push(retry);
    retry.pcId = visitor.pcId;
    const during = await retry.connect(true);
    assert.equal(during.status, 503);
    assert.equal(during.headers.get('retry-after'), '1');
    await sleep(1100);
    const back = new WrtcVisitor(visitor.offerUrl);
    visitors.push(back);
    back.pcId = visitor.pcId;
    assert.equal((await back.connect(true)).status, 200);
    await back.opened();
    await back.framesAtLeast(2);
    assert.equal(sim.sessions().find((s) => s.id === sessionId)!.state, 'live');
  });
});
