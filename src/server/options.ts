import type { SessionRequestInput } from './body.js';
import type { AllowedOrigins } from './cors.js';
import type { CreateEphemeralAgentInput } from './models.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { SessionLogger } from './redact.js';

type MaybePromise<T> = T | Promise<T>;

/** `true` lets the visitor in; `false` answers 401; `{status: 403}` answers 403. */
export type AuthorizeResult = boolean | { status: 401 | 403; message?: string };

export interface SessionHandlerOptions {
  /** The iwy service API key. Default `process.env.IWY_API_KEY`. Never sent to the browser. */
  apiKey?: string;
  /** Default `https://api.iwy.ai/v1`; the local simulator's URL in development. */
  baseUrl?: string;
  /**
   * Which agents visitors may start: a list of ids, or a predicate. Others get 404 agent-not-found
   * (as if they did not exist). Default: any agent the key can start.
   */
  agents?: readonly string[] | ((agentId: string, request: Request) => MaybePromise<boolean>);
  /** Browser origins allowed to call (CORS with preflight). Default: same origin only. */
  allowedOrigins?: AllowedOrigins;
  /** Decides whether this visitor may start this agent (your session cookie, your token). */
  authorize?: (request: Request, input: SessionRequestInput) => MaybePromise<AuthorizeResult>;
  /**
   * Per-visitor context merged over what the page sent (yours wins), passed to start-agent-session.
   * Return what the agent should know: name, plan, page.
   */
  context?: (request: Request, input: SessionRequestInput) => MaybePromise<Record<string, unknown> | undefined | void>;
  /**
   * iwy's personalisation pattern: return a configuration to create a single-use agent for this
   * visitor, whose one session is then started; return nothing to start `agentId` as usual.
   * `input.context` is already merged.
   */
  ephemeral?: (
    request: Request,
    input: SessionRequestInput,
  ) => MaybePromise<CreateEphemeralAgentInput | undefined | null | void>;
  /** Per-visitor limit of session requests. Default 10 per minute in memory; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Largest request body accepted. Default 16 384 bytes. */
  maxBodyBytes?: number;
  /** Time limit of each call to iwy. Default 10 000 ms. */
  timeoutMs?: number;
  /** Default `globalThis.fetch`: inject your own (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Where problems the site owner must fix are reported. Default `console`. */
  logger?: SessionLogger;
}

/** Checks options once, at start-up, so a broken configuration fails loudly before the first visitor. */
export function validateOptions(options: SessionHandlerOptions): { apiKey: string } {
  const apiKey = options.apiKey ?? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.IWY_API_KEY;
  if (!apiKey) throw new TypeError('iwy-agent/server: an API key is required (the apiKey option or IWY_API_KEY)');
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
    throw new TypeError('iwy-agent/server: baseUrl must be an absolute URL');
  }
  const positive = (name: string, v: number | undefined) => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new TypeError(`iwy-agent/server: ${name} must be a positive number`);
  };
  positive('maxBodyBytes', options.maxBodyBytes);
  positive('timeoutMs', options.timeoutMs);
  if (options.rateLimit) {
    positive('rateLimit.limit', options.rateLimit.limit);
    positive('rateLimit.windowMs', options.rateLimit.windowMs);
  }
  return { apiKey };
}
