import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionHandler } from '../../src/server/index.js';
import { AGENT, ORIGIN, handlerFixture, read, sessionRequest } from './helpers.js';

describe('session handler: input, methods, origins', () => {
  const fx = handlerFixture();
  const handler = fx.handler;

  it('happy path: answers only the session fields, not cached, with the key sent upstream only', async () => {
    const before = fx.iwy.requests.length;
    const res = await read(await handler()(sessionRequest({ agentId: AGENT })), fx.iwy.apiKey);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { roomUrl: 'https://iwy.daily.co/abc123', dailyToken: 'jwt.token.here' });
    const upstream = fx.iwy.requests[before]!;
    assert.equal(upstream.path, '/start-agent-session');
    assert.equal(upstream.headers.authorization, `Bearer ${fx.iwy.apiKey}`);
    assert.deepEqual(upstream.body, { agentId: AGENT });
  });

  it('passes the simulator shape through: webrtcUrl, sessionId, expiresAt', async () => {
    const saved = fx.iwy.session;
    fx.iwy.session = { webrtcUrl: 'http://127.0.0.1:9/sessions/s1/offer', sessionId: 's1', expiresAt: '2030-01-01T00:00:00.000Z', x: 1 };
    try {
      const res = await read(await handler()(sessionRequest({ agentId: 'demo' })), fx.iwy.apiKey);
      assert.deepEqual(res.body, { webrtcUrl: 'http://127.0.0.1:9/sessions/s1/offer', sessionId: 's1', expiresAt: '2030-01-01T00:00:00.000Z' });
    } finally {
      fx.iwy.session = saved;
    }
  });

  it('refuses other methods with 405 and Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const request = new Request(`${ORIGIN}/s`, { method, body: method === 'GET' ? undefined : '{}' });
      const res = await read(await handler()(request), fx.iwy.apiKey);
      assert.equal(res.status, 405);
      assert.equal(res.body.error, 'method-not-allowed');
      assert.equal(res.headers.get('allow'), 'POST, OPTIONS');
    }
  });

  it('refuses a wrong content type with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      const res = await read(await handler()(sessionRequest({ agentId: AGENT }, { headers: { 'content-type': type } })), fx.iwy.apiKey);
      assert.deepEqual([res.status, res.body.error], [415, 'unsupported-media-type']);
    }
  });

  it('accepts application/json with parameters', async () => {
    const request = sessionRequest({ agentId: AGENT }, { headers: { 'content-type': 'Application/JSON; charset=utf-8' } });
    assert.equal((await handler()(request)).status, 200);
  });

  it('refuses bodies that are not JSON or of the wrong shape with 400 invalid-request', async () => {
    const bodies = ['', 'nope', '{"agentId":', '[]', 'null', '"demo"', '{}', '{"agentId":42}', '{"agentId":"not-a-uuid"}',
      `{"agentId":"${AGENT}x"}`, `{"agentId":"${AGENT}","context":[1]}`, `{"agentId":"${AGENT}","context":"x"}`];
    for (const body of bodies) {
      const res = await read(await handler()(sessionRequest(body)), fx.iwy.apiKey);
      assert.deepEqual([res.status, res.body.error], [400, 'invalid-request'], body);
      assert.equal(typeof res.body.message, 'string');
    }
  });

  it('refuses bodies over maxBodyBytes, by Content-Length and when streamed without one', async () => {
    const big = JSON.stringify({ agentId: AGENT, context: { pad: 'x'.repeat(2000) } });
    const declared = await read(await handler({ maxBodyBytes: 1024 })(sessionRequest(big)), fx.iwy.apiKey);
    assert.deepEqual([declared.status, declared.body.error], [413, 'payload-too-large']);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = new Request(`${ORIGIN}/s`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    const res = await read(await handler({ maxBodyBytes: 4096 })(chunked), fx.iwy.apiKey);
    assert.deepEqual([res.status, res.body.error], [413, 'payload-too-large']);
    assert.equal((await handler({ maxBodyBytes: 4096 })(sessionRequest(big))).status, 200);
  });

  it('answers 404 agent-not-found for unknown agents (iwy 404) and disallowed ones (without asking iwy)', async () => {
    const unknown = await read(await handler()(sessionRequest({ agentId: '11111111-2222-4333-8444-555555555555' })), fx.iwy.apiKey);
    assert.deepEqual([unknown.status, unknown.body.error], [404, 'agent-not-found']);
    const count = fx.iwy.requests.length;
    const listed = await read(await handler({ agents: ['demo'] })(sessionRequest({ agentId: AGENT })), fx.iwy.apiKey);
    assert.deepEqual([listed.status, listed.body.error], [404, 'agent-not-found']);
    const predicate = await read(await handler({ agents: async (id) => id === 'demo' })(sessionRequest({ agentId: AGENT })), fx.iwy.apiKey);
    assert.equal(predicate.status, 404);
    assert.equal(fx.iwy.requests.length, count, 'disallowed agents never reach iwy');
    assert.equal((await handler({ agents: [AGENT] })(sessionRequest({ agentId: AGENT }))).status, 200);
  });

  it('allows same origin by default and refuses others with 403 origin-not-allowed', async () => {
    const same = await handler()(sessionRequest({ agentId: AGENT }, { headers: { origin: ORIGIN } }));
    assert.equal(same.status, 200);
    assert.equal(same.headers.get('access-control-allow-origin'), null);
    for (const origin of ['http://evil.test', 'null', 'garbage', 'http://shop.test:8080']) {
      const res = await read(await handler()(sessionRequest({ agentId: AGENT }, { headers: { origin } })), fx.iwy.apiKey);
      assert.deepEqual([res.status, res.body.error], [403, 'origin-not-allowed'], origin);
    }
  });

  it('allows listed origins with credentials, "*" without, and a predicate', async () => {
    const listed = await handler({ allowedOrigins: ['https://www.site.test/'] })(
      sessionRequest({ agentId: AGENT }, { headers: { origin: 'https://www.site.test' } }),
    );
    assert.equal(listed.status, 200);
    assert.equal(listed.headers.get('access-control-allow-origin'), 'https://www.site.test');
    assert.equal(listed.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(listed.headers.get('vary'), 'Origin');
    // A cross-origin page must be able to read Retry-After on a 429.
    assert.equal(listed.headers.get('access-control-expose-headers'), 'Retry-After');
    const any = await handler({ allowedOrigins: '*' })(sessionRequest({ agentId: AGENT }, { headers: { origin: 'http://a.test' } }));
    assert.equal(any.headers.get('access-control-allow-origin'), '*');
    assert.equal(any.headers.get('access-control-allow-credentials'), null);
    const byFn = handler({ allowedOrigins: (o) => o.endsWith('.site.test') });
    assert.equal((await byFn(sessionRequest({ agentId: AGENT }, { headers: { origin: 'https://x.site.test' } }))).status, 200);
    assert.equal((await byFn(sessionRequest({ agentId: AGENT }, { headers: { origin: 'https://x.other.test' } }))).status, 403);
    assert.throws(() => handler({ allowedOrigins: ['not an origin'] }), /allowedOrigins/);
  });

  it('answers CORS preflight for allowed origins and refuses others', async () => {
    const h = handler({ allowedOrigins: ['https://www.site.test'] });
    const preflight = (origin: string, requestHeaders = 'content-type, x-site-token') =>
      new Request(`${ORIGIN}/s`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
      });
    const ok = await h(preflight('https://www.site.test'));
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.site.test');
    assert.equal(ok.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
    assert.equal(ok.headers.get('access-control-allow-headers'), 'content-type, x-site-token');
    assert.equal(ok.headers.get('access-control-max-age'), '600');
    const odd = await h(preflight('https://www.site.test', 'x-a, (bad)'));
    assert.equal(odd.headers.get('access-control-allow-headers'), 'content-type');
    const refused = await read(await h(preflight('https://evil.test')), fx.iwy.apiKey);
    assert.deepEqual([refused.status, refused.body.error], [403, 'origin-not-allowed']);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  it('fails at creation without a key or with a broken option, naming the option', () => {
    const saved = process.env.IWY_API_KEY;
    delete process.env.IWY_API_KEY;
    try {
      assert.throws(() => createSessionHandler({}), /API key is required/);
      process.env.IWY_API_KEY = 'sk_from_env';
      assert.doesNotThrow(() => createSessionHandler({}));
    } finally {
      if (saved === undefined) delete process.env.IWY_API_KEY;
      else process.env.IWY_API_KEY = saved;
    }
    assert.throws(() => handler({ baseUrl: 'nope' }), /baseUrl/);
    assert.throws(() => handler({ maxBodyBytes: -1 }), /maxBodyBytes/);
    assert.throws(() => handler({ rateLimit: { limit: 0 } }), /rateLimit.limit/);
  });
});
