import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { createSessionHandler, type SessionHandlerOptions, type SessionLogger } from '../../src/server/index.js';
import { startFakeIwy, type FakeIwy } from './fake-iwy.js';

export const AGENT = '0b6f1c1e-6a57-4f54-9a39-2f2d8d9f6a10';
export const ORIGIN = 'http://shop.test';

/** A logger that keeps every line, so tests can assert what the site owner is told (and never the key). */
export function captureLogger(): SessionLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (l) => lines.push(`warn ${l}`), error: (l) => lines.push(`error ${l}`) };
}

export function sessionRequest(body: unknown, init: { headers?: Record<string, string>; method?: string } = {}) {
  return new Request(`${ORIGIN}/api/iwy-session`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Reads a response fully and checks the invariants every answer keeps. */
export async function read(response: Response, secret: string) {
  const text = await response.text();
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  assert.ok(!text.includes(secret) && !headers.includes(secret), 'the API key leaked into a response');
  if (response.status !== 204) {
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  }
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function assertNoKeyInLogs(lines: string[], secret: string): void {
  for (const line of lines) assert.ok(!line.includes(secret), `the API key leaked into a log line: ${line}`);
}

/** Serves a node:http listener on 127.0.0.1 and returns its URL and a closer that leaves no socket. */
export async function listen(listener: http.RequestListener) {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A loopback URL where nothing listens (a port just released), for "connection refused". */
export async function closedUrl(): Promise<string> {
  const server = await listen(() => undefined);
  await server.close();
  return server.url;
}

/**
 * The common setup of a handler suite: a fake iwy that knows AGENT, a capturing logger checked for
 * the key after the suite, and a handler factory (rate limit off unless a test turns it on).
 */
export function handlerFixture() {
  const fx = {
    iwy: undefined as unknown as FakeIwy,
    logger: captureLogger(),
    handler: (o: SessionHandlerOptions = {}) =>
      createSessionHandler({ apiKey: fx.iwy.apiKey, baseUrl: fx.iwy.url, logger: fx.logger, rateLimit: false, ...o }),
  };
  before(async () => {
    fx.iwy = await startFakeIwy();
    fx.iwy.agents.set(AGENT, { id: AGENT, name: 'Support' });
  });
  after(async () => {
    assertNoKeyInLogs(fx.logger.lines, fx.iwy.apiKey);
    await fx.iwy.close();
  });
  return fx;
}
