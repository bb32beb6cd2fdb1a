import { parseInput, readJson, type SessionRequestInput } from './body.js';
import { bodyLimits } from './adapter-channels.js';
import { corsPolicy } from './cors.js';
import { IwyClient } from './iwy-client.js';
import { validateOptions, type SessionHandlerOptions } from './options.js';
import { defaultRateLimitKey, MemoryRateLimitStore, type SessionRequestInfo } from './rate-limit.js';
import { redactingLogger, type SessionLogger } from './redact.js';
import { jsonResponse, SessionError } from './responses.js';
import { startUpstreamSession } from './upstream.js';

/** A Fetch-API handler: Node 20+, Next.js route handlers, Workers, Deno, Bun. Never throws. */
export type SessionHandler = (request: Request, info?: SessionRequestInfo) => Promise<Response>;

/**
 * Creates the customer-backend endpoint the element posts `{agentId, context?}` to. It keeps the
 * API key, decides who may start what, and answers only the session fields.
 *
 * @example
 * // Next.js: app/api/iwy-session/route.ts
 * const handler = createSessionHandler({ agents: ['2f6c…'], context: async () => ({ plan: 'pro' }) });
 * export { handler as POST, handler as OPTIONS };
 */
export function createSessionHandler(options: SessionHandlerOptions = {}): SessionHandler {
  const { apiKey } = validateOptions(options);
  const logger = redactingLogger(options.logger ?? console, apiKey);
  const client = new IwyClient({
    apiKey,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    // The visitor is waiting and start-agent-session is not idempotent: no retries here.
    retries: 0,
    timeoutMs: options.timeoutMs ?? 10_000,
    totalTimeoutMs: options.timeoutMs ?? 10_000,
  });
  const cors = corsPolicy(options.allowedOrigins);
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const allowList = Array.isArray(options.agents) ? new Set<string>(options.agents) : undefined;
  const agentPredicate = typeof options.agents === 'function' ? options.agents : undefined;
  const limit = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const store = limit && (limit.store ?? new MemoryRateLimitStore());

  /** A site hook's own SessionError stands; anything else it throws is logged and answered 500. */
  async function hook<T>(name: string, run: () => T | Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SessionError) throw error;
      logger.error(`${name} threw: ${error instanceof Error ? error.message : String(error)}`);
      throw new SessionError('internal-error');
    }
  }

  async function rateLimit(request: Request, info: SessionRequestInfo): Promise<void> {
    if (!limit || !store) return;
    const key = await hook('rateLimit.key', () => (limit.key ?? defaultRateLimitKey)(request, info));
    const windowMs = limit.windowMs ?? 60_000;
    const { count, resetInMs } = await hook('rateLimit.store', () => store.hit(key, windowMs));
    if (count > (limit.limit ?? 10)) {
      const seconds = String(Math.max(1, Math.ceil(resetInMs / 1000)));
      throw new SessionError('session-rate-limited', { headers: { 'retry-after': seconds } });
    }
  }

  async function admit(request: Request, input: SessionRequestInput): Promise<void> {
    const allowed = allowList
      ? allowList.has(input.agentId)
      : agentPredicate
        ? await hook('agents', () => agentPredicate(input.agentId, request))
        : true;
    if (!allowed) throw new SessionError('agent-not-found');
    if (!options.authorize) return;
    const verdict = await hook('authorize', () => options.authorize!(request, input));
    if (verdict === true) return;
    const denial = typeof verdict === 'object' && verdict ? verdict : { status: 401 as const };
    throw new SessionError('session-unauthorized', { status: denial.status === 403 ? 403 : 401, message: denial.message });
  }

  async function handle(request: Request, info: SessionRequestInfo, corsHeaders: Record<string, string>) {
    await rateLimit(request, info);
    const input = parseInput(await readJson(request, maxBodyBytes));
    await admit(request, input);
    const extra = options.context ? await hook('context', () => options.context!(request, input)) : undefined;
    const context = input.context || extra ? { ...input.context, ...(extra ?? undefined) } : undefined;
    const merged = context ? { agentId: input.agentId, context } : { agentId: input.agentId };
    const ephemeral = options.ephemeral ? await hook('ephemeral', () => options.ephemeral!(request, merged)) : undefined;
    const session = await startUpstreamSession(
      client,
      input.agentId,
      context && Object.keys(context).length ? context : undefined,
      ephemeral ?? undefined,
      logger,
    );
    return jsonResponse(200, session, corsHeaders);
  }

  const sessionHandler: SessionHandler = async (request, info) => {
    let corsHeaders: Record<string, string> = {};
    try {
      if (request.method === 'OPTIONS') return cors.preflight(request);
      corsHeaders = cors.check(request);
      if (request.method !== 'POST') {
        throw new SessionError('method-not-allowed', { headers: { allow: 'POST, OPTIONS' } });
      }
      return await handle(request, runtimeInfo(info), corsHeaders);
    } catch (error) {
      if (error instanceof SessionError) return error.toResponse(corsHeaders);
      return internalError(error, logger, corsHeaders);
    }
  };
  bodyLimits.set(sessionHandler, maxBodyBytes);
  return sessionHandler;
}

function internalError(error: unknown, logger: SessionLogger, headers: Record<string, string>): Response {
  logger.error(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new SessionError('internal-error').toResponse(headers);
}

/** Runtimes pass all sorts as the second argument (Next.js `{params}`, Workers `env`): keep known fields. */
function runtimeInfo(info: unknown): SessionRequestInfo {
  const i = info as SessionRequestInfo | undefined;
  return {
    clientAddress: typeof i?.clientAddress === 'string' ? i.clientAddress : undefined,
    remoteAddr: typeof i?.remoteAddr?.hostname === 'string' ? { hostname: i.remoteAddr.hostname } : undefined,
  };
}
