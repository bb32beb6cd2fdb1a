import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionHandler } from '../../src/server/index.js';
import { send, startFakeIwy, type Fault, type FakeIwy } from './fake-iwy.js';
import { AGENT, assertNoKeyInLogs, captureLogger, closedUrl, read, sessionRequest } from './helpers.js';

describe('session handler: upstream faults', () => {
  let iwy: FakeIwy;
  const logger = captureLogger();
  before(async () => {
    iwy = await startFakeIwy();
  });
  after(async () => {
    assertNoKeyInLogs(logger.lines, iwy.apiKey);
    await iwy.close();
  });

  /** Runs one session request against iwy answering with `fault`; returns our answer and the new log lines. */
  async function withFault(fault: Fault, options: { apiKey?: string; timeoutMs?: number } = {}) {
    iwy.fault = fault;
    const from = logger.lines.length;
    try {
      const handler = createSessionHandler({ apiKey: iwy.apiKey, baseUrl: iwy.url, logger, rateLimit: false, ...options });
      const res = await read(await handler(sessionRequest({ agentId: 'demo' })), iwy.apiKey);
      return { ...res, logs: logger.lines.slice(from) };
    } finally {
      iwy.fault = undefined;
    }
  }
  const status = (code: number, body: unknown = { error: 'x', message: 'y' }, headers?: Record<string, string>): Fault =>
    (_req, res) => (send(res, code, body, headers), true);

  it('timeout: iwy never answers → 504 upstream-timeout within timeoutMs, logged', async () => {
    const started = performance.now();
    const res = await withFault(() => true, { timeoutMs: 150 });
    const elapsed = performance.now() - started;
    assert.deepEqual([res.status, res.body.error], [504, 'upstream-timeout']);
    assert.ok(elapsed >= 140 && elapsed < 2000, `took ${elapsed} ms`);
    assert.equal(res.logs.length, 1);
  });

  it('iwy 500 and 502 → 502 upstream-error, logged, iwy message never shown to the visitor', async () => {
    for (const code of [500, 502]) {
      const res = await withFault(status(code, { error: 'boom', message: 'internal stack trace' }));
      assert.deepEqual([res.status, res.body.error], [502, 'upstream-error']);
      assert.ok(!JSON.stringify(res.body).includes('stack trace'));
      assert.match(res.logs.join(), new RegExp(`HTTP ${code}, boom`));
    }
  });

  it('iwy 429 with Retry-After → 429 session-rate-limited passing Retry-After on', async () => {
    const res = await withFault(status(429, { error: 'rate-limited', message: 'slow down' }, { 'retry-after': '7' }));
    assert.deepEqual([res.status, res.body.error, res.headers.get('retry-after')], [429, 'session-rate-limited', '7']);
    const noHeader = await withFault(status(429));
    assert.equal(noHeader.headers.get('retry-after'), '10', 'a default wait when iwy gives none');
  });

  it('malformed JSON, a non-JSON page, or an answer of neither session shape → 502 upstream-error', async () => {
    const faults: Fault[] = [
      (_q, res) => (res.writeHead(200, { 'content-type': 'application/json' }), res.end('{"roomUrl": "https://x'), true),
      (_q, res) => (res.writeHead(200, { 'content-type': 'text/html' }), res.end('<html>gateway</html>'), true),
      status(200, { roomUrl: 'https://iwy.daily.co/r' }),
      status(200, { webrtcUrl: 'javascript:alert(1)' }),
      status(200, [1, 2]),
    ];
    for (const fault of faults) {
      const res = await withFault(fault);
      assert.deepEqual([res.status, res.body.error], [502, 'upstream-error']);
    }
  });

  it('a reset connection (socket destroyed mid-request) → 502 upstream-error', async () => {
    const res = await withFault((_q, res) => (res.socket?.destroy(), true));
    assert.deepEqual([res.status, res.body.error], [502, 'upstream-error']);
    assert.match(res.logs.join(), /network-error/);
  });

  it('iwy unreachable (nothing listening) → 502 upstream-error', async () => {
    const handler = createSessionHandler({ apiKey: iwy.apiKey, baseUrl: `${await closedUrl()}/v1`, logger, rateLimit: false });
    const res = await read(await handler(sessionRequest({ agentId: 'demo' })), iwy.apiKey);
    assert.deepEqual([res.status, res.body.error], [502, 'upstream-error']);
  });

  it('a wrong or revoked site key (iwy 401/403) → 502 upstream-unauthorized, logged for the owner without the key', async () => {
    for (const code of [401, 403]) {
      // iwy echoing the key back in its message must not leak it either.
      const res = await withFault(status(code, { error: 'invalid-key', message: `key ${iwy.apiKey} revoked` }));
      assert.deepEqual([res.status, res.body.error], [502, 'upstream-unauthorized']);
      assert.equal(res.logs.length, 1);
      assert.match(res.logs[0]!, /^error iwy-agent\/server: iwy rejected the API key \(HTTP \d+, invalid-key\)/);
      assert.ok(!res.logs[0]!.includes(iwy.apiKey));
    }
  });

  it('the real 401 path: the fake checks the bearer key itself', async () => {
    const handler = createSessionHandler({ apiKey: 'sk_wrong_key_123', baseUrl: iwy.url, logger, rateLimit: false });
    const res = await read(await handler(sessionRequest({ agentId: AGENT })), 'sk_wrong_key_123');
    assert.deepEqual([res.status, res.body.error], [502, 'upstream-unauthorized']);
    assertNoKeyInLogs(logger.lines, 'sk_wrong_key_123');
  });

  it('an expired single-use agent (iwy 410) → 404 agent-not-found', async () => {
    const res = await withFault(status(410, { error: 'gone', message: 'used' }));
    assert.deepEqual([res.status, res.body.error], [404, 'agent-not-found']);
  });
});
