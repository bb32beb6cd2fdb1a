import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createSessionHandler, SESSION_ERROR_CODES, toNodeHandler } from '../../src/server/index.js';
import { startFakeIwy, type FakeIwy } from './fake-iwy.js';
import { AGENT, captureLogger, listen } from './helpers.js';

/** Small seeded PRNG (mulberry32) so a failing case can be replayed from its index. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  method: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  chunked?: boolean;
}

const ROUNDS = 500;
const MAX = 2048;

describe('fuzz: malformed requests only ever get a 4xx JSON answer with a known code', () => {
  let iwy: FakeIwy;
  let server: Awaited<ReturnType<typeof listen>>;
  const logger = captureLogger();
  before(async () => {
    iwy = await startFakeIwy();
    iwy.agents.set(AGENT, { id: AGENT, name: 'Support' });
    const handler = createSessionHandler({
      apiKey: iwy.apiKey,
      baseUrl: iwy.url,
      logger,
      agents: [AGENT],
      maxBodyBytes: MAX,
      rateLimit: { limit: 1_000_000 },
    });
    server = await listen(toNodeHandler(handler));
  });
  after(async () => {
    await server.close();
    await iwy.close();
  });

  function generate(random: () => number): Case {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const json = { 'content-type': 'application/json' };
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    const values: unknown[] = [null, true, 0, -1.5, 'demo', '', [], {}, [AGENT], { agentId: null }, 'x'.repeat(300)];
    const nearUuid = AGENT.slice(0, Math.floor(random() * AGENT.length)) + pick(['', 'g', '-', ' ', '\u0000', 'é']);
    const kinds: Array<() => Case> = [
      () => ({ method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'TRACE']), headers: json, body: '{}' }),
      () => ({ method: 'POST', headers: { 'content-type': pick(['text/plain', 'application/xml', 'multipart/form-data', 'json', '']) }, body: JSON.stringify({ agentId: AGENT }) }),
      () => ({ method: 'POST', headers: json, body: bytes(Math.floor(random() * 64)) }),
      () => ({ method: 'POST', headers: json, body: JSON.stringify(pick(values)) }),
      () => ({ method: 'POST', headers: json, body: JSON.stringify({ agentId: pick([...values, nearUuid]) }) }),
      () => ({ method: 'POST', headers: json, body: JSON.stringify({ agentId: AGENT, context: pick([[], 'ctx', 1, true]) }) }),
      () => ({ method: 'POST', headers: json, body: JSON.stringify({ agentId: AGENT }).slice(0, Math.floor(random() * 20)) }),
      () => ({ method: 'POST', headers: json, body: 'x'.repeat(MAX + 1 + Math.floor(random() * 5000)), chunked: random() < 0.5 }),
      () => ({ method: 'POST', headers: json, body: '['.repeat(1000) + ']'.repeat(1000) }),
      () => ({ method: 'POST', headers: json, body: Buffer.concat([Buffer.from('{"agentId":"'), bytes(8), Buffer.from('"}')]) }),
      () => ({ method: 'POST', headers: { ...json, origin: pick(['http://evil.test', 'null', 'file://', 'x']) }, body: JSON.stringify({ agentId: AGENT }) }),
      () => ({ method: 'OPTIONS', headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' } }),
      // Well-formed but for an agent that is not on the allow-list.
      () => ({ method: 'POST', headers: json, body: JSON.stringify({ agentId: 'demo', context: { q: nearUuid } }), chunked: random() < 0.5 }),
    ];
    return pick(kinds)();
  }

  function send(agent: http.Agent, c: Case): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
    return new Promise((resolve, reject) => {
      const headers = { ...c.headers } as Record<string, string | number>;
      if (c.body !== undefined && !c.chunked) headers['content-length'] = Buffer.byteLength(c.body);
      const req = http.request(server.url, { method: c.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (c.body !== undefined && c.chunked) for (let i = 0; i < c.body.length; i += 700) req.write(c.body.slice(i, i + 700));
      else if (c.body !== undefined) req.write(c.body);
      req.end();
    });
  }

  it(`${ROUNDS} malformed requests: 4xx JSON, known code, iwy never called, key never shown, no crash`, async () => {
    const random = prng(0x1f2e3d);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const upstreamBefore = iwy.requests.length;
    const seen = new Set<string>();
    try {
      for (let i = 0; i < ROUNDS; i++) {
        const c = generate(random);
        const res = await send(agent, c);
        const where = `case #${i}: ${c.method} ${JSON.stringify(c.headers)} ${String(c.body).slice(0, 80)}`;
        assert.ok(res.status >= 400 && res.status < 500, `${where} → ${res.status} ${res.text}`);
        assert.match(String(res.headers['content-type']), /^application\/json/, where);
        const body = JSON.parse(res.text) as { error: string; message: string };
        assert.ok((SESSION_ERROR_CODES as string[]).includes(body.error), `${where} → unknown code ${body.error}`);
        assert.equal(typeof body.message, 'string');
        assert.ok(!res.text.includes(iwy.apiKey) && !JSON.stringify(res.headers).includes(iwy.apiKey), where);
        seen.add(body.error);
      }
    } finally {
      agent.destroy();
    }
    assert.equal(iwy.requests.length, upstreamBefore, 'no malformed request reached iwy');
    assert.deepEqual(logger.lines, [], 'nothing for the site owner to fix: no internal errors');
    assert.deepEqual([...seen].sort(), [
      'agent-not-found', 'invalid-request', 'method-not-allowed', 'origin-not-allowed', 'payload-too-large', 'unsupported-media-type',
    ]);
    const alive = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: AGENT }) });
    assert.equal(alive.status, 200, 'still serving');
  });
});
