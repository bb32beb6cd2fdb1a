import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IwyApiError, IwyClient, type IwyClientOptions } from '../../src/server/index.js';
import { send, startFakeIwy, type Fault, type FakeIwy } from './fake-iwy.js';
import { closedUrl } from './helpers.js';

describe('IwyClient', () => {
  let iwy: FakeIwy;
  before(async () => {
    iwy = await startFakeIwy();
  });
  after(() => iwy.close());
  const client = (o: Partial<IwyClientOptions> = {}) =>
    new IwyClient({ apiKey: iwy.apiKey, baseUrl: iwy.url, random: () => 0, ...o });
  const calls = () => iwy.requests.map((r) => `${r.method} ${r.path}`);
  /** Answers the first `times` requests with `fault`, then lets the fake answer normally. */
  const failTimes = (times: number, fault: Fault): Fault => (req, res) => times-- > 0 && fault(req, res);
  const reset = () => {
    iwy.requests.length = 0;
    iwy.fault = undefined;
  };

  it('covers every endpoint with the documented methods, paths and bodies', async () => {
    reset();
    const c = client();
    const agent = await c.createAgent({ name: 'Support', configuration: { llm: { first_message: 'Hi' } } });
    assert.equal(agent.name, 'Support');
    assert.equal((await c.getAgent(agent.id)).id, agent.id);
    assert.deepEqual((await c.listAgents()).map((a) => a.id), [agent.id]);
    assert.equal((await c.updateAgent(agent.id, { publish_status: 'public' })).publish_status, 'public');
    const eph = await c.createEphemeralAgent({ configuration: {}, ttl_seconds: 60 });
    assert.match(eph.expires_at, /Z$/);
    const session = await c.startSession({ agentId: agent.id });
    assert.equal(session.roomUrl, 'https://iwy.daily.co/abc123');
    const tool = await c.createTool({ name: 'get_weather', description: 'd', server_url: 'https://x.test', parameters_schema: {} });
    assert.equal((await c.getTool(tool.id)).name, 'get_weather');
    assert.equal((await c.listTools()).length, 1);
    await c.updateTool(tool.id, { description: 'e' });
    assert.equal((await c.testTool(tool.id, { parameters: { city: 'Oslo' } })).success, true);
    await c.deleteTool(tool.id); // answers {success: true}
    await c.deleteAgent(agent.id); // answers 204
    assert.deepEqual(calls(), [
      'POST /agent', `GET /agent/${agent.id}`, 'GET /agent', `PATCH /agent/${agent.id}`, 'POST /ephemeral-agent',
      'POST /start-agent-session', 'POST /tool', `GET /tool/${tool.id}`, 'GET /tool', `PATCH /tool/${tool.id}`,
      `POST /tool/${tool.id}/test`, `DELETE /tool/${tool.id}`, `DELETE /agent/${agent.id}`,
    ]);
    assert.deepEqual(iwy.requests[10]!.body, { parameters: { city: 'Oslo' } });
    assert.ok(iwy.requests.every((r) => r.headers.authorization === `Bearer ${iwy.apiKey}`));
  });

  it('accepts a wrapped list ({agents: [...]}) and rejects other shapes as invalid-response', async () => {
    reset();
    iwy.fault = (_q, res) => (send(res, 200, { agents: [{ id: 'a' }] }), true);
    assert.deepEqual(await client().listAgents(), [{ id: 'a' }]);
    iwy.fault = (_q, res) => (send(res, 200, { nope: 1 }), true);
    await assert.rejects(client().listAgents(), (e: IwyApiError) => e.code === 'invalid-response');
    iwy.fault = (_q, res) => (res.writeHead(200).end('{oops'), true);
    await assert.rejects(client().getAgent('x'), (e: IwyApiError) => e.code === 'invalid-response');
  });

  it('turns iwy error bodies into IwyApiError {status, code, message} without the key', async () => {
    reset();
    iwy.fault = (_q, res) => (send(res, 400, { error: 'validation', message: `name required (key ${iwy.apiKey})` }), true);
    const error = await client().createAgent({ name: '', configuration: {} }).catch((e: unknown) => e);
    assert.ok(error instanceof IwyApiError);
    assert.deepEqual([error.status, error.code], [400, 'validation']);
    assert.equal(error.message, 'name required (key [redacted])');
    iwy.fault = (_q, res) => (res.writeHead(418).end('teapot'), true);
    await assert.rejects(client().getAgent('x'), (e: IwyApiError) => e.status === 418 && e.code === 'http-418');
    iwy.fault = undefined;
    await assert.rejects(client().getAgent('nope'), (e: IwyApiError) => e.status === 404 && e.code === 'not-found');
  });

  it('retries idempotent calls on 5xx and network resets, with backoff', async () => {
    reset();
    iwy.agents.set('a1', { id: 'a1', name: 'A' });
    iwy.fault = failTimes(2, (_q, res) => (send(res, 500), true));
    assert.equal((await client({ baseDelayMs: 1 }).getAgent('a1')).id, 'a1');
    assert.equal(iwy.requests.length, 3);
    reset();
    iwy.fault = failTimes(1, (_q, res) => (res.socket?.destroy(), true));
    await client({ baseDelayMs: 1 }).deleteAgent('a1');
    assert.deepEqual(calls(), ['DELETE /agent/a1', 'DELETE /agent/a1']);
  });

  it('does not retry POST or PATCH after a 500 or a reset (the outcome is unknown)', async () => {
    const faults: Fault[] = [(_q, res) => (send(res, 500), true), (_q, res) => (res.socket?.destroy(), true)];
    for (const fault of faults) {
      reset();
      iwy.fault = failTimes(1, fault);
      await assert.rejects(client({ baseDelayMs: 1 }).createAgent({ name: 'x', configuration: {} }), IwyApiError);
      iwy.fault = failTimes(1, fault);
      await assert.rejects(client({ baseDelayMs: 1 }).updateAgent('a1', { name: 'y' }), IwyApiError);
      assert.equal(iwy.requests.length, 2);
    }
  });

  it('retries any call on 429/503 honouring Retry-After', async () => {
    reset();
    iwy.fault = failTimes(1, (_q, res) => (send(res, 429, { error: 'rate-limited', message: 'wait' }, { 'retry-after': '1' }), true));
    const started = performance.now();
    const agent = await client().createAgent({ name: 'x', configuration: {} });
    assert.ok(performance.now() - started >= 990, 'waited the Retry-After second');
    assert.equal(agent.name, 'x');
    reset();
    iwy.fault = failTimes(1, (_q, res) => (send(res, 503, undefined, { 'retry-after': '0' }), true));
    await client().updateAgent(agent.id, { name: 'z' });
    assert.equal(iwy.requests.length, 2);
  });

  it('gives up at once when Retry-After exceeds the total time, and says how long to wait', async () => {
    reset();
    iwy.fault = (_q, res) => (send(res, 429, { error: 'rate-limited', message: 'wait' }, { 'retry-after': '120' }), true);
    const started = performance.now();
    const error = (await client({ totalTimeoutMs: 5000 }).listAgents().catch((e: unknown) => e)) as IwyApiError;
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual([error.status, error.retryAfterSeconds, iwy.requests.length], [429, 120, 1]);
  });

  it('times out each attempt and bounds the total time', async () => {
    reset();
    iwy.fault = () => true; // never answers
    const started = performance.now();
    const error = (await client({ timeoutMs: 100, totalTimeoutMs: 350, baseDelayMs: 1, retries: 10 }).listTools().catch((e: unknown) => e)) as IwyApiError;
    const elapsed = performance.now() - started;
    assert.deepEqual([error.status, error.code], [0, 'timeout']);
    assert.ok(elapsed >= 300 && elapsed < 1000, `took ${elapsed} ms`);
    assert.ok(iwy.requests.length >= 3 && iwy.requests.length <= 5, `${iwy.requests.length} attempts`);
  });

  it('aborts on the caller signal without retrying, and reports network errors', async () => {
    reset();
    iwy.fault = () => true;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(client().getAgent('a', { signal: controller.signal }), (e: IwyApiError) => e.code === 'aborted');
    assert.equal(iwy.requests.length, 1);
    const offline = new IwyClient({ apiKey: 'k', baseUrl: await closedUrl(), retries: 1, baseDelayMs: 1 });
    await assert.rejects(offline.startSession({ agentId: 'demo' }), (e: IwyApiError) => e.status === 0 && e.code === 'network-error' && e.message.includes('ECONNREFUSED'));
  });

  it('uses the injected fetch', async () => {
    const seen: string[] = [];
    const c = new IwyClient({
      apiKey: 'k',
      baseUrl: 'https://api.example.test/v1/',
      fetch: async (url) => (seen.push(String(url)), Response.json([])),
    });
    assert.deepEqual(await c.listTools(), []);
    assert.deepEqual(seen, ['https://api.example.test/v1/tool']);
  });
});
