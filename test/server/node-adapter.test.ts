import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { toNodeHandler, type SessionHandlerOptions } from '../../src/server/index.js';
import { AGENT, handlerFixture, listen, read } from './helpers.js';

describe('toNodeHandler under node:http and Express', () => {
  const fx = handlerFixture();
  const node = (o: SessionHandlerOptions = {}) => toNodeHandler(fx.handler(o));
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('node:http: session, errors and preflight over a real socket', async () => {
    const server = await listen(node({ allowedOrigins: ['https://www.site.test'] }));
    try {
      const ok = await read(await post(server.url, { agentId: AGENT }, { origin: 'https://www.site.test' }), fx.iwy.apiKey);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.roomUrl, 'https://iwy.daily.co/abc123');
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.site.test');
      const bad = await read(await post(server.url, { agentId: 'x' }), fx.iwy.apiKey);
      assert.deepEqual([bad.status, bad.body.error], [400, 'invalid-request']);
      const big = await read(await post(server.url, { agentId: AGENT, context: { pad: 'x'.repeat(20_000) } }), fx.iwy.apiKey);
      assert.deepEqual([big.status, big.body.error], [413, 'payload-too-large']);
      const preflight = await fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://www.site.test', 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
      const get = await read(await fetch(server.url), fx.iwy.apiKey);
      assert.equal(get.status, 405);
    } finally {
      await server.close();
    }
  });

  it('node:http: the socket address is the default rate-limit key', async () => {
    const server = await listen(node({ rateLimit: { limit: 1, windowMs: 60_000 } }));
    try {
      assert.equal((await post(server.url, { agentId: AGENT })).status, 200);
      const limited = await read(await post(server.url, { agentId: AGENT }), fx.iwy.apiKey);
      assert.deepEqual([limited.status, limited.body.error], [429, 'session-rate-limited']);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    } finally {
      await server.close();
    }
  });

  it('Express: as a route, mounted with app.use, and after express.json() consumed the body', async () => {
    const app = express();
    app.post('/api/iwy-session', node());
    app.use('/mounted', node());
    app.post('/parsed', express.json(), node({ context: () => ({ via: 'express.json' }) }));
    const server = await listen(app);
    try {
      for (const path of ['/api/iwy-session', '/mounted']) {
        const res = await read(await post(server.url + path, { agentId: AGENT }), fx.iwy.apiKey);
        assert.equal(res.status, 200, path);
      }
      const parsed = await read(await post(`${server.url}/parsed`, { agentId: AGENT, context: { a: 1 } }), fx.iwy.apiKey);
      assert.equal(parsed.status, 200);
      assert.deepEqual(fx.iwy.requests.at(-1)!.body, { agentId: AGENT, context: { a: 1, via: 'express.json' } });
      const refused = await read(await post(`${server.url}/parsed`, { agentId: 'nope' }), fx.iwy.apiKey);
      assert.deepEqual([refused.status, refused.body.error], [400, 'invalid-request']);
    } finally {
      await server.close();
    }
  });

  it('keeps keep-alive sockets open after buffered bodies (read by us or by express.json())', async () => {
    const app = express();
    app.post('/plain', node());
    app.post('/parsed', express.json(), node());
    const server = await listen(app);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const body = JSON.stringify({ agentId: AGENT });
    const call = (path: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.request(`${server.url}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      assert.deepEqual(await call('/plain'), { status: 200, reused: false });
      await sleep(700); // longer than @hono/node-server's 500 ms drain timeout
      assert.deepEqual(await call('/parsed'), { status: 200, reused: true });
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
