/**
 * A stand-in for the iwy API on 127.0.0.1: real node:http, in-memory agents and tools, and a hook
 * to answer any request with a fault instead (status, malformed JSON, silence, a reset socket).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** Answers a request itself (return true) or lets the fake's normal routes answer (return false). */
export type Fault = (req: RecordedRequest, res: ServerResponse) => boolean;

export interface FakeIwy {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  agents: Map<string, Record<string, unknown>>;
  tools: Map<string, Record<string, unknown>>;
  /** The start-agent-session answer (default: a Daily room with extras that must not pass through). */
  session: Record<string, unknown>;
  fault?: Fault;
  close(): Promise<void>;
}

export const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};

export async function startFakeIwy(apiKey = 'sk_live_fake_0123456789abcdef'): Promise<FakeIwy> {
  const fake: FakeIwy = {
    url: '',
    apiKey,
    requests: [],
    agents: new Map(),
    tools: new Map(),
    session: { roomUrl: 'https://iwy.daily.co/abc123', dailyToken: 'jwt.token.here', webLink: 'https://meet.iwy.ai/x', extra: 1 },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer(async (req, res) => {
    const recorded = await record(req);
    fake.requests.push(recorded);
    if (fake.fault?.(recorded, res)) return;
    if (req.headers.authorization !== `Bearer ${apiKey}`) return send(res, 401, { error: 'unauthorized', message: 'bad key' });
    route(fake, recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* keep the text */
  }
  return { method: req.method!, path: req.url!.replace(/^\/v1/, ''), headers: req.headers, body };
}

function route(fake: FakeIwy, req: RecordedRequest, res: ServerResponse): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (req.method === 'POST' && req.path === '/start-agent-session') {
    if (body.agentId !== 'demo' && !fake.agents.has(String(body.agentId))) return send(res, 404, { error: 'not-found', message: 'no agent' });
    return send(res, 200, fake.session);
  }
  if (req.method === 'POST' && req.path === '/ephemeral-agent') {
    const id = randomUUID();
    fake.agents.set(id, { id, ...body });
    return send(res, 200, { agent: { id, expires_at: new Date(Date.now() + 3e5).toISOString(), created_at: new Date().toISOString() } });
  }
  const match = /^\/(agent|tool)(?:\/([^/]+))?(\/test)?$/.exec(req.path);
  if (!match) return send(res, 404, { error: 'not-found', message: 'no route' });
  const [, kind, id, test] = match;
  const store = kind === 'agent' ? fake.agents : fake.tools;
  if (!id) {
    if (req.method === 'GET') return send(res, 200, [...store.values()]);
    if (req.method !== 'POST') return send(res, 405, { error: 'method', message: 'no' });
    if (typeof body.name !== 'string') return send(res, 400, { error: 'validation', message: 'name is required' });
    const created = { id: randomUUID(), user_id: 'u1', publish_status: kind === 'agent' ? 'draft' : undefined, ...body };
    store.set(created.id, created);
    return send(res, 200, created);
  }
  const existing = store.get(id);
  if (!existing) return send(res, 404, { error: 'not-found', message: `no ${kind} ${id}` });
  if (test) return send(res, 200, { success: true, message: 'ok', tool: { id, name: existing.name }, request_sent: { payload: body } });
  if (req.method === 'GET') return send(res, 200, existing);
  if (req.method === 'DELETE') {
    store.delete(id);
    return send(res, kind === 'agent' ? 204 : 200, kind === 'agent' ? undefined : { success: true });
  }
  if (req.method === 'PATCH') {
    const merged = { ...existing, ...body, id };
    store.set(id, merged);
    return send(res, 200, merged);
  }
  send(res, 405, { error: 'method', message: 'no' });
}
