import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { api, toolBody } from './helpers.js';
import { startWebhook } from './webhook-server.js';

let sim: Simulator;
let hook: Awaited<ReturnType<typeof startWebhook>>;
let call: ReturnType<typeof api>;
before(async () => {
  [sim, hook] = await Promise.all([startSimulator(), startWebhook()]);
  call = api(sim);
});
after(() => Promise.all([sim.close(), hook.close()]));

describe('simulator tools', () => {
  it('creates tools with defaults, patches, lists and deletes them', async () => {
    const created = await call('POST', '/tool', toolBody(`${hook.url}/hook`));
    assert.equal(created.status, 201);
    assert.equal(created.body.method, 'POST');
    assert.equal(created.body.timeout_seconds, 20);
    const patched = await call('PATCH', `/tool/${created.body.id}`, { timeout_seconds: 5, tags: ['weather'] });
    assert.equal(patched.body.timeout_seconds, 5);
    assert.equal(patched.body.name, 'get_weather');
    assert.ok((await call('GET', '/tool')).body.some((t: { id: string }) => t.id === created.body.id));
    assert.equal((await call('DELETE', `/tool/${created.body.id}`)).status, 200);
    assert.equal((await call('GET', `/tool/${created.body.id}`)).status, 404);
  });

  it('test calls the real webhook with the tool method, headers and body, and redacts secrets', async () => {
    const tool = (await call('POST', '/tool', toolBody(`${hook.url}/hook`, {
      method: 'PUT', headers: { Authorization: 'Bearer hook-secret', 'X-Api-Key': 'k-123', 'X-Plain': 'visible' },
    }))).body;
    const before = hook.hits.length;
    const res = await call('POST', `/tool/${tool.id}/test`, { parameters: { city: 'Oslo' } });
    assert.equal(res.status, 200);
    const hit = hook.hits[before]!;
    assert.equal(hit.method, 'PUT');
    assert.equal(hit.headers.authorization, 'Bearer hook-secret', 'the webhook gets the real header');
    assert.deepEqual(JSON.parse(hit.body), { tool_id: tool.id, tool_name: 'get_weather', parameters: { city: 'Oslo' } });
    const r = res.body;
    assert.equal(r.success, true);
    assert.equal(typeof r.execution_time_ms, 'number');
    assert.deepEqual(r.tool, { id: tool.id, name: 'get_weather' });
    assert.equal(r.request_sent.method, 'PUT');
    assert.equal(r.request_sent.headers.Authorization, '[REDACTED]');
    assert.equal(r.request_sent.headers['X-Api-Key'], '[REDACTED]');
    assert.equal(r.request_sent.headers['X-Plain'], 'visible');
    assert.deepEqual(r.request_sent.payload.parameters, { city: 'Oslo' });
    assert.equal(r.response_received.status, 200);
    assert.deepEqual(r.response_received.body, { result: 'It is sunny in Oslo.' });
    assert.match(r.response_received.content_type, /json/);
    assert.equal(r.response_received.headers['x-secret-token'], '[REDACTED]');
    assert.ok(!JSON.stringify(r).includes('hook-secret'));
  });

  it('sends GET parameters as the query, reports failures, timeouts and invalid parameters', async () => {
    const get = (await call('POST', '/tool', toolBody(`${hook.url}/get`, { name: 'by_get', method: 'GET' }))).body;
    await call('POST', `/tool/${get.id}/test`, { parameters: { city: 'Bergen' } });
    assert.equal(hook.hits.at(-1)!.url, '/get?city=Bergen');

    const failing = (await call('POST', '/tool', toolBody(`${hook.url}/fail`, { name: 'failing' }))).body;
    const failed = (await call('POST', `/tool/${failing.id}/test`, { parameters: { city: 'x' } })).body;
    assert.equal(failed.success, false);
    assert.equal(failed.response_received.status, 500);

    const slow = (await call('POST', '/tool', toolBody(`${hook.url}/slow`, { name: 'slow', timeout_seconds: 1 }))).body;
    const timedOut = (await call('POST', `/tool/${slow.id}/test`, { parameters: { city: 'x' } })).body;
    assert.equal(timedOut.success, false);
    assert.match(timedOut.message, /timed out/);

    const count = hook.hits.length;
    const invalid = (await call('POST', `/tool/${get.id}/test`, { parameters: { city: 5 } })).body;
    assert.equal(invalid.success, false);
    assert.deepEqual(invalid.validation.valid, false);
    const validOnly = (await call('POST', `/tool/${get.id}/test`, { parameters: { city: 'x' }, validate_only: true })).body;
    assert.equal(validOnly.success, true);
    assert.equal(hook.hits.length, count, 'validation alone calls nothing');
  });

  it('serves the demo clock tool and attaches it to the demo agent', async () => {
    const demo = (await call('GET', '/agent/demo')).body;
    const [toolId] = demo.configuration.tool_calling.selected_tool_ids;
    const res = (await call('POST', `/tool/${toolId}/test`, { parameters: {} })).body;
    assert.equal(res.success, true);
    assert.match(res.response_received.body.result, /UTC/);
  });
});
