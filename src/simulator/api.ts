import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { CreateAgentInput, CreateEphemeralAgentInput, ToolInput } from '../server/models.js';
import { ApiError } from './errors.js';
import { faultRules, type SimulatorFaults } from './faults.js';
import type { CandidateBody, OfferBody } from './peer.js';
import type { Registry } from './registry.js';
import { agentRules, ephemeralRules, startSessionRules, toolRules, toolTestRules } from './rules.js';
import type { Sessions } from './sessions.js';
import { validateBody, type Rule } from './validate.js';
import { testTool } from './webhook.js';

export const MAX_BODY_BYTES = 256 * 1024;
type Env = { Variables: { authed: boolean } };

const offerRules: Record<string, Rule> = {
  sdp: { type: 'string', required: true, min: 1, max: 100_000 },
  type: { type: 'enum', required: true, values: ['offer'] },
  pc_id: { type: 'string', max: 200 },
  restart_pc: { type: 'boolean' },
};
const candidatesRules: Record<string, Rule> = {
  pc_id: { type: 'string', max: 200 },
  candidates: { type: 'array', required: true, max: 100, items: { type: 'object', fields: { candidate: { type: 'string', max: 2_000 } } } },
};

async function json(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body must be valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'validation_error', 'the body must be a JSON object');
  // Pipecat sends `pc_id: null` on a first offer: treat null as "not sent".
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

/** The iwy REST API of iwy-api.md (with our choices for its unconfirmed parts) plus the simulator's signalling. */
export function createApi(deps: { registry: Registry; sessions: Sessions; apiKey: string; origin: () => string }): Hono<Env> {
  const { registry, sessions } = deps;
  const app = new Hono<Env>().basePath('/v1');

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.code, message: err.message }, err.status, err.headers);
    return c.json({ error: 'internal_error', message: 'the simulator failed to handle this request' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not_found', message: 'no such endpoint' }, 404));
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) =>
    // The rest of the body is not read, so this connection cannot carry another request.
    c.json({ error: 'payload_too_large', message: `bodies are limited to ${MAX_BODY_BYTES} bytes` }, 413, { connection: 'close' }) }));
  // The browser calls these two cross-origin: iwy's widget starts public agents itself, Pipecat posts offers.
  const browserCors = cors({ origin: '*', allowMethods: ['POST', 'PATCH', 'OPTIONS'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 });
  app.use('/start-agent-session', browserCors);
  app.use('/sessions/:id/offer', browserCors);

  const open = new Set(['/v1/start-agent-session', '/v1/health', '/v1/demo-tools/clock']);
  app.use(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const sent = header.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (header && sent !== deps.apiKey) throw new ApiError(401, 'unauthorized', 'invalid API key');
    c.set('authed', sent === deps.apiKey);
    if (!c.get('authed') && !open.has(c.req.path) && !/^\/v1\/sessions\/[^/]+\/offer$/.test(c.req.path)) {
      throw new ApiError(401, 'unauthorized', 'missing API key (Authorization: Bearer <key>)');
    }
    await next();
  });

  app.get('/health', (c) => c.json({ ok: true }));

  app.post('/agent', async (c) => {
    const body = validateBody<CreateAgentInput>(await json(c), agentRules);
    return c.json(registry.view(registry.createAgent(body)), 201);
  });
  app.get('/agent', (c) => c.json(registry.listAgents().map((a) => registry.view(a))));
  app.get('/agent/:id', (c) => c.json(registry.view(registry.agent(c.req.param('id')))));
  app.patch('/agent/:id', async (c) => {
    const body = validateBody<Partial<CreateAgentInput>>(await json(c), agentRules, true);
    return c.json(registry.view(registry.updateAgent(c.req.param('id'), body)));
  });
  app.delete('/agent/:id', (c) => {
    registry.deleteAgent(c.req.param('id'));
    return c.json({ success: true });
  });

  app.post('/ephemeral-agent', async (c) => {
    const body = validateBody<CreateEphemeralAgentInput>(await json(c), ephemeralRules);
    const agent = registry.createSingleUse(body);
    return c.json({ agent: { id: agent.id, expires_at: agent.single_use!.expires_at, created_at: agent.created_at } }, 201);
  });

  app.post('/tool', async (c) => {
    const body = validateBody<ToolInput>(await json(c), toolRules);
    return c.json(registry.createTool(body), 201);
  });
  app.get('/tool', (c) => c.json(registry.listTools()));
  app.get('/tool/:id', (c) => c.json(registry.tool(c.req.param('id'))));
  app.patch('/tool/:id', async (c) => {
    const body = validateBody<Partial<ToolInput>>(await json(c), toolRules, true);
    return c.json(registry.updateTool(c.req.param('id'), body));
  });
  app.delete('/tool/:id', (c) => {
    registry.deleteTool(c.req.param('id'));
    return c.json({ success: true });
  });
  app.post('/tool/:id/test', async (c) => {
    const tool = registry.tool(c.req.param('id'));
    const body = validateBody<{ parameters: Record<string, unknown>; validate_only?: boolean }>(await json(c), toolTestRules);
    return c.json(await testTool(tool, body.parameters, body.validate_only ?? false));
  });

  app.post('/start-agent-session', async (c) => {
    const body = validateBody<{ agentId: string }>(await json(c), startSessionRules);
    const agent = registry.agent(body.agentId);
    // Without a key only public permanent agents start (iwy's widget calls this from the browser).
    if (!c.get('authed') && (agent.publish_status !== 'public' || agent.single_use)) {
      throw new ApiError(401, 'unauthorized', 'this agent needs an API key to start');
    }
    sessions.ensureCapacity();
    const session = await sessions.start(registry.claimSession(agent.id));
    return c.json({ webrtcUrl: `${deps.origin()}/v1/sessions/${session.id}/offer`, sessionId: session.id });
  });

  app.post('/sessions/:id/offer', async (c) => {
    const session = sessions.get(c.req.param('id'));
    const body = validateBody<OfferBody>(await json(c), offerRules);
    return c.json(await session.offer(body));
  });
  app.patch('/sessions/:id/offer', async (c) => {
    const session = sessions.get(c.req.param('id'));
    const body = validateBody<{ candidates: CandidateBody[] }>(await json(c), candidatesRules);
    return c.json({ added: await session.candidates(body) });
  });
  app.get('/sessions', (c) =>
    c.json(sessions.list().map((s) => ({ id: s.id, agentId: s.agent.id, state: s.state, framesSent: s.framesSent }))),
  );
  app.post('/sessions/:id/faults', async (c) => {
    const session = sessions.get(c.req.param('id'));
    session.setFaults(validateBody<SimulatorFaults>(await json(c), faultRules));
    return c.json({ success: true });
  });

  app.post('/demo-tools/clock', (c) => {
    const time = new Date().toISOString().slice(11, 16);
    return c.json({ result: `It is ${time} UTC on the simulator's clock.` });
  });
  return app;
}
