import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryRateLimitStore, SessionError } from '../../src/server/index.js';
import { AGENT, handlerFixture, read, sessionRequest } from './helpers.js';

describe('session handler: authorize, context, ephemeral, rate limit', () => {
  const fx = handlerFixture();
  const handler = fx.handler;
  const lastUpstream = () => fx.iwy.requests.at(-1)!;

  it('authorize: false → 401, {status: 403} → 403, true → 200, and it sees the request and input', async () => {
    const seen: unknown[] = [];
    const h = handler({
      authorize: (request, input) => {
        seen.push(input.agentId);
        const token = request.headers.get('x-site-token');
        return token === 'ok' ? true : token === 'banned' ? { status: 403, message: 'Your plan has no video agent.' } : false;
      },
    });
    const call = async (token?: string) =>
      read(await h(sessionRequest({ agentId: AGENT }, { headers: token ? { 'x-site-token': token } : {} })), fx.iwy.apiKey);
    const none = await call();
    assert.deepEqual([none.status, none.body.error], [401, 'session-unauthorized']);
    const banned = await call('banned');
    assert.deepEqual([banned.status, banned.body], [403, { error: 'session-unauthorized', message: 'Your plan has no video agent.' }]);
    assert.equal((await call('ok')).status, 200);
    assert.deepEqual(seen, [AGENT, AGENT, AGENT]);
  });

  it('a hook that throws is logged and answered 500 internal-error; a thrown SessionError stands', async () => {
    fx.logger.lines.length = 0;
    const broken = await read(
      await handler({ authorize: () => { throw new Error(`db down (key ${fx.iwy.apiKey})`); } })(sessionRequest({ agentId: AGENT })),
      fx.iwy.apiKey,
    );
    assert.deepEqual([broken.status, broken.body.error], [500, 'internal-error']);
    assert.match(fx.logger.lines.join('\n'), /authorize threw: db down \(key \[redacted\]\)/);
    const own = await read(
      await handler({ context: () => { throw new SessionError('session-unauthorized', { status: 403 }); } })(sessionRequest({ agentId: AGENT })),
      fx.iwy.apiKey,
    );
    assert.deepEqual([own.status, own.body.error], [403, 'session-unauthorized']);
  });

  it('context: the server context is merged over the page context and sent to iwy', async () => {
    const h = handler({ context: async (request) => ({ name: 'Ann', plan: 'pro', page: new URL(request.url).pathname }) });
    await h(sessionRequest({ agentId: AGENT, context: { plan: 'free', topic: 'billing' } }));
    assert.deepEqual(lastUpstream().body, {
      agentId: AGENT,
      context: { name: 'Ann', plan: 'pro', page: '/api/iwy-session', topic: 'billing' },
    });
    await handler()(sessionRequest({ agentId: AGENT, context: {} }));
    assert.deepEqual(lastUpstream().body, { agentId: AGENT }, 'an empty context is not sent');
  });

  it('ephemeral: creates a single-use agent from the visitor configuration, then starts its session', async () => {
    const h = handler({
      ephemeral: (_request, input) => ({
        configuration: { llm: { first_message: `Hello ${String(input.context?.name)}!` } },
        ttl_seconds: 120,
      }),
      context: () => ({ name: 'Ann' }),
    });
    const before = fx.iwy.requests.length;
    const res = await read(await h(sessionRequest({ agentId: 'demo' })), fx.iwy.apiKey);
    assert.equal(res.status, 200);
    const [create, start] = fx.iwy.requests.slice(before);
    assert.equal(create!.path, '/ephemeral-agent');
    assert.deepEqual(create!.body, { configuration: { llm: { first_message: 'Hello Ann!' } }, ttl_seconds: 120 });
    assert.equal(start!.path, '/start-agent-session');
    const startBody = start!.body as { agentId: string };
    assert.ok(fx.iwy.agents.has(startBody.agentId) && startBody.agentId !== 'demo', 'the session is for the new agent');
    // Returning nothing starts the requested agent as usual.
    await handler({ ephemeral: () => undefined })(sessionRequest({ agentId: AGENT }));
    assert.deepEqual(lastUpstream().body, { agentId: AGENT });
  });

  it('rate limit: trips with 429 + Retry-After after `limit` requests per key, and recovers after the window', async () => {
    let now = 1_000_000;
    const h = handler({
      rateLimit: { limit: 2, windowMs: 30_000, store: new MemoryRateLimitStore({ now: () => now }), key: (r) => r.headers.get('x-user') ?? 'anon' },
    });
    const call = async (user: string) => read(await h(sessionRequest({ agentId: AGENT }, { headers: { 'x-user': user } })), fx.iwy.apiKey);
    assert.equal((await call('a')).status, 200);
    assert.equal((await call('a')).status, 200);
    now += 10_000;
    const limited = await call('a');
    assert.deepEqual([limited.status, limited.body.error], [429, 'session-rate-limited']);
    assert.equal(limited.headers.get('retry-after'), '20');
    assert.equal((await call('b')).status, 200, 'another visitor is not affected');
    now += 20_000;
    assert.equal((await call('a')).status, 200, 'recovers when the window ends');
  });

  it('rate limit: the memory store stays bounded under a flood of keys', () => {
    let now = 0;
    const store = new MemoryRateLimitStore({ now: () => now, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) store.hit(`k${i}`, 60_000);
    assert.equal(store.hit('k999', 60_000).count, 2, 'recent keys survive');
    assert.equal(store.hit('k0', 60_000).count, 1, 'the oldest went first');
    now = 120_000;
    assert.equal(store.hit('k999', 60_000).count, 1, 'windows expire');
  });

  it('rate limit: a shared store receives the key and window; a failing store is a logged 500', async () => {
    const calls: string[] = [];
    const h = handler({ rateLimit: { windowMs: 5000, store: { hit: async (key, ms) => (calls.push(`${key}/${ms}`), { count: 1, resetInMs: ms }) } } });
    await h(sessionRequest({ agentId: AGENT }), { clientAddress: '203.0.113.9' });
    assert.deepEqual(calls, ['203.0.113.9/5000']);
    const failing = handler({ rateLimit: { store: { hit: () => Promise.reject(new Error('redis gone')) } } });
    const res = await read(await failing(sessionRequest({ agentId: AGENT })), fx.iwy.apiKey);
    assert.deepEqual([res.status, res.body.error], [500, 'internal-error']);
  });
});
