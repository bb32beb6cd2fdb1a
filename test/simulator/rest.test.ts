import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { agentBody, api, toolBody } from './helpers.js';

let sim: Simulator;
let call: ReturnType<typeof api>;
before(async () => {
  sim = await startSimulator();
  call = api(sim);
});
after(() => sim.close());

/** Asserts the `{error, message}` shape and the status of a failure. */
function fails(reply: { status: number; body: any }, status: number, error?: string) {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(typeof reply.body.error, 'string');
  assert.equal(typeof reply.body.message, 'string');
  if (error) assert.equal(reply.body.error, error);
}

describe('simulator REST API', () => {
  it('listens on loopback and generates a dev key', () => {
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.match(sim.apiKey, /^iwy_dev_/);
  });

  it('refuses a missing or wrong key on every keyed endpoint', async () => {
    const paths: [string, string][] = [
      ['GET', '/agent'], ['POST', '/agent'], ['GET', '/agent/x'], ['PATCH', '/agent/x'], ['DELETE', '/agent/x'],
      ['POST', '/ephemeral-agent'], ['GET', '/tool'], ['POST', '/tool'], ['GET', '/tool/x'], ['PATCH', '/tool/x'],
      ['DELETE', '/tool/x'], ['POST', '/tool/x/test'], ['GET', '/sessions'], ['POST', '/sessions/x/faults'],
    ];
    for (const [method, path] of paths) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      fails(await call(method, path, body, { key: null }), 401, 'unauthorized');
      fails(await call(method, path, body, { key: 'iwy_dev_wrong' }), 401, 'unauthorized');
    }
    const res = await call('GET', '/agent', undefined, { key: 'wrong' });
    assert.ok(!JSON.stringify(res.body).includes(sim.apiKey), 'the key never appears in a response');
  });

  it('creates, reads, lists, merges and deletes agents', async () => {
    const created = await call('POST', '/agent', agentBody({ metadata: { a: 1 } }));
    assert.equal(created.status, 201);
    const id = created.body.id;
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(created.body.publish_status, 'draft');
    const patched = await call('PATCH', `/agent/${id}`, { configuration: { llm: { first_message: 'Changed' } }, publish_status: 'public' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.configuration.llm.first_message, 'Changed');
    assert.equal(patched.body.configuration.llm.model, 'm', 'nested configuration is merged');
    assert.equal(patched.body.name, 'Test agent', 'unsent fields stay');
    assert.equal((await call('GET', `/agent/${id}`)).body.publish_status, 'public');
    assert.ok((await call('GET', '/agent')).body.some((a: { id: string }) => a.id === id));
    assert.deepEqual((await call('DELETE', `/agent/${id}`)).body, { success: true });
    fails(await call('GET', `/agent/${id}`), 404, 'not_found');
    fails(await call('DELETE', `/agent/${id}`), 404);
    fails(await call('PATCH', `/agent/${id}`, { name: 'x' }), 404);
  });

  it('rejects bad input on every endpoint with 400 {error, message}', async () => {
    const agent = (await call('POST', '/agent', agentBody())).body.id;
    const tool = (await call('POST', '/tool', toolBody('http://127.0.0.1:9/hook'))).body.id;
    const cases: [string, string, unknown][] = [
      ['POST', '/agent', {}],
      ['POST', '/agent', { name: '', configuration: {} }],
      ['POST', '/agent', { name: 'a', configuration: 'x' }],
      ['POST', '/agent', { name: 'a', configuration: {}, publish_status: 'everyone' }],
      ['POST', '/agent', { name: 'a', configuration: { llm: { first_message: 5 } } }],
      ['POST', '/agent', { name: 'a', configuration: { tool_calling: { selected_tool_ids: ['nope'] } } }],
      ['POST', '/agent', [1, 2]],
      ['PATCH', `/agent/${agent}`, { metadata: 'x' }],
      ['PATCH', `/agent/${agent}`, { name: 42 }],
      ['POST', '/ephemeral-agent', {}],
      ['POST', '/ephemeral-agent', { configuration: {}, ttl_seconds: 59 }],
      ['POST', '/ephemeral-agent', { configuration: {}, ttl_seconds: 86_401 }],
      ['POST', '/ephemeral-agent', { configuration: {}, ttl_seconds: 100.5 }],
      ['POST', '/tool', toolBody('http://x', { name: 'Not Snake' })],
      ['POST', '/tool', toolBody('ftp://x')],
      ['POST', '/tool', toolBody('http://x', { method: 'HEAD' })],
      ['POST', '/tool', toolBody('http://x', { timeout_seconds: 0 })],
      ['POST', '/tool', toolBody('http://x', { timeout_seconds: 301 })],
      ['POST', '/tool', toolBody('http://x', { headers: { a: 1 } })],
      ['POST', '/tool', { name: 'x' }],
      ['PATCH', `/tool/${tool}`, { tags: 'x' }],
      ['POST', `/tool/${tool}/test`, {}],
      ['POST', `/tool/${tool}/test`, { parameters: [] }],
      ['POST', '/start-agent-session', {}],
      ['POST', '/start-agent-session', { agentId: 5 }],
    ];
    const session = (await call('POST', '/start-agent-session', { agentId: 'demo' })).body.sessionId;
    cases.push(
      ['POST', `/sessions/${session}/offer`, {}],
      ['POST', `/sessions/${session}/offer`, { sdp: 'v=0', type: 'answer' }],
      ['POST', `/sessions/${session}/offer`, { sdp: 'garbage', type: 'offer' }],
      ['PATCH', `/sessions/${session}/offer`, { candidates: 'x' }],
      ['PATCH', `/sessions/${session}/offer`, { candidates: [{ candidate: 5 }] }],
      ['POST', `/sessions/${session}/faults`, { dropSeconds: 0 }],
      ['POST', `/sessions/${session}/faults`, { rejectOffer: 'yes' }],
    );
    for (const [method, path, body] of cases) fails(await call(method, path, body), 400);
    for (const path of ['/agent', '/tool', '/ephemeral-agent', '/start-agent-session']) {
      fails(await call('POST', path, undefined, { raw: '{not json' }), 400, 'invalid_json');
    }
  });

  it('bounds body size (413) and answers unknown paths with 404 JSON', async () => {
    fails(await call('POST', '/agent', undefined, { raw: JSON.stringify(agentBody({ metadata: { big: 'x'.repeat(300_000) } })) }), 413, 'payload_too_large');
    fails(await call('GET', '/nope'), 404, 'not_found');
    fails(await call('GET', '/tool/00000000-0000-0000-0000-000000000000'), 404);
    fails(await call('POST', '/tool/00000000-0000-0000-0000-000000000000/test', { parameters: {} }), 404);
    fails(await call('POST', '/start-agent-session', { agentId: '00000000-0000-0000-0000-000000000000' }), 404);
    fails(await call('POST', '/sessions/nope/offer', { sdp: 'x', type: 'offer' }), 404);
  });

  it('creates single-use agents with a TTL and refuses to edit them', async () => {
    const res = await call('POST', '/ephemeral-agent', { configuration: agentBody().configuration, ttl_seconds: 60 });
    assert.equal(res.status, 201);
    const { id, expires_at, created_at } = res.body.agent;
    assert.equal(Date.parse(expires_at) - Date.parse(created_at), 60_000);
    assert.match(expires_at, /\.\d{3}Z$/);
    fails(await call('PATCH', `/agent/${id}`, { name: 'x' }), 409, 'not_editable');
    assert.ok(!(await call('GET', '/agent')).body.some((a: { id: string }) => a.id === id), 'not listed');
  });

  it('answers preflight and CORS for the browser-facing endpoints only', async () => {
    for (const path of ['/start-agent-session', '/sessions/abc/offer']) {
      const res = await fetch(`${sim.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    }
    const res = await fetch(`${sim.url}/agent`, { headers: { origin: 'http://evil.test', authorization: `Bearer ${sim.apiKey}` } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('starts public agents and "demo" without a key, private ones only with it', async () => {
    const demo = await call('POST', '/start-agent-session', { agentId: 'demo' }, { key: null });
    assert.equal(demo.status, 200);
    assert.match(demo.body.webrtcUrl, new RegExp(`^${sim.url}/sessions/${demo.body.sessionId}/offer$`));
    const priv = (await call('POST', '/agent', agentBody({ publish_status: 'private' }))).body.id;
    fails(await call('POST', '/start-agent-session', { agentId: priv }, { key: null }), 401);
    assert.equal((await call('POST', '/start-agent-session', { agentId: priv })).status, 200);
    assert.equal((await call('GET', '/agent/demo')).body.id, sim.demoAgentId);
  });
});
