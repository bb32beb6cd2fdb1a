import wretch, { type Wretch } from 'wretch';
import { WretchError } from 'wretch/resolver';
import { IwyApiError, parseRetryAfter } from './iwy-error.js';
import { retryMiddleware, type RetryOptions } from './retry.js';
import type {
  Agent,
  CreateAgentInput,
  CreateEphemeralAgentInput,
  EphemeralAgent,
  StartSessionInput,
  StartSessionResult,
  Tool,
  ToolInput,
  ToolTestInput,
  ToolTestResult,
  UpdateAgentInput,
  UpdateToolInput,
} from './models.js';

export const DEFAULT_BASE_URL = 'https://api.iwy.ai/v1';

export interface IwyClientOptions extends RetryOptions {
  /** The service API key. Secret: keep it on the server. */
  apiKey: string;
  /** Default `https://api.iwy.ai/v1`; the local simulator's URL in development. */
  baseUrl?: string;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** Aborts the call, its retries and its waits. */
  signal?: AbortSignal;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A typed client for the iwy REST API.
 *
 * Every call has a timeout; idempotent calls (GET, PUT, DELETE) are retried on network errors and
 * 408/500/502/504 with jittered backoff; any call is retried on 429/503 honouring `Retry-After`;
 * the whole call, waits included, is bounded by `totalTimeoutMs`. Failures are {@link IwyApiError}.
 *
 * @example
 * const iwy = new IwyClient({ apiKey: process.env.IWY_API_KEY! });
 * const agent = await iwy.createAgent({ name: 'Support', configuration: { llm: { first_message: 'Hi!' } } });
 */
export class IwyClient {
  readonly baseUrl: string;
  readonly #api: Wretch;
  readonly #redact: (text: string) => string;

  constructor(options: IwyClientOptions) {
    if (!options.apiKey) throw new TypeError('IwyClient: apiKey is required');
    const key = options.apiKey;
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.#redact = (text) => text.split(key).join('[redacted]');
    this.#api = wretch(this.baseUrl)
      .auth(`Bearer ${key}`)
      .errorType('text')
      .polyfills({ fetch: options.fetch ?? globalThis.fetch })
      .middlewares([retryMiddleware(options)]);
  }

  listAgents(o?: CallOptions): Promise<Agent[]> {
    return this.#list<Agent>('/agent', 'agents', o);
  }
  getAgent(id: string, o?: CallOptions): Promise<Agent> {
    return this.#object<Agent>('GET', `/agent/${enc(id)}`, undefined, o);
  }
  createAgent(input: CreateAgentInput, o?: CallOptions): Promise<Agent> {
    return this.#object<Agent>('POST', '/agent', input, o);
  }
  updateAgent(id: string, patch: UpdateAgentInput, o?: CallOptions): Promise<Agent> {
    return this.#object<Agent>('PATCH', `/agent/${enc(id)}`, patch, o);
  }
  async deleteAgent(id: string, o?: CallOptions): Promise<void> {
    await this.#call('DELETE', `/agent/${enc(id)}`, undefined, o);
  }
  /** Creates a single-use agent: one session, before `expires_at`. */
  async createEphemeralAgent(input: CreateEphemeralAgentInput, o?: CallOptions): Promise<EphemeralAgent> {
    const answer = await this.#object<{ agent?: unknown }>('POST', '/ephemeral-agent', input, o);
    if (!isObject(answer.agent) || typeof answer.agent.id !== 'string') throw invalid('ephemeral-agent');
    return answer.agent as EphemeralAgent;
  }

  listTools(o?: CallOptions): Promise<Tool[]> {
    return this.#list<Tool>('/tool', 'tools', o);
  }
  getTool(id: string, o?: CallOptions): Promise<Tool> {
    return this.#object<Tool>('GET', `/tool/${enc(id)}`, undefined, o);
  }
  createTool(input: ToolInput, o?: CallOptions): Promise<Tool> {
    return this.#object<Tool>('POST', '/tool', input, o);
  }
  updateTool(id: string, patch: UpdateToolInput, o?: CallOptions): Promise<Tool> {
    return this.#object<Tool>('PATCH', `/tool/${enc(id)}`, patch, o);
  }
  async deleteTool(id: string, o?: CallOptions): Promise<void> {
    await this.#call('DELETE', `/tool/${enc(id)}`, undefined, o);
  }
  /** Calls the tool's webhook through iwy (or only validates `parameters` with `validate_only`). */
  testTool(id: string, input: ToolTestInput, o?: CallOptions): Promise<ToolTestResult> {
    return this.#object<ToolTestResult>('POST', `/tool/${enc(id)}/test`, input, o);
  }

  /** Starts a session: `{roomUrl, dailyToken}` from iwy, `{webrtcUrl, sessionId}` from the simulator. */
  startSession(input: StartSessionInput, o?: CallOptions): Promise<StartSessionResult> {
    return this.#object<StartSessionResult>('POST', '/start-agent-session', input, o);
  }

  async #list<T>(path: string, field: string, o?: CallOptions): Promise<T[]> {
    const answer = await this.#call('GET', path, undefined, o);
    // GET lists are unconfirmed: accept a bare array or {<field>: [...]}.
    const list = Array.isArray(answer) ? answer : isObject(answer) ? answer[field] : undefined;
    if (!Array.isArray(list)) throw invalid(path);
    return list as T[];
  }

  async #object<T>(method: string, path: string, body: unknown, o?: CallOptions): Promise<T> {
    const answer = await this.#call(method, path, body, o);
    if (!isObject(answer)) throw invalid(path);
    return answer as T;
  }

  /** One call: JSON in, parsed JSON (or undefined for an empty body) out, every failure an IwyApiError. */
  async #call(method: string, path: string, body: unknown, o?: CallOptions): Promise<unknown> {
    try {
      let request = this.#api.url(path);
      if (o?.signal) request = request.options({ signal: o.signal });
      if (body !== undefined) request = request.json(body as object);
      const text = await request.fetch(method).text();
      return text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      throw this.#toApiError(error);
    }
  }

  #toApiError(error: unknown): IwyApiError {
    if (error instanceof IwyApiError) return error;
    if (error instanceof WretchError) {
      const status = error.status;
      const body = error.json ?? parseJson(error.text);
      const code = isObject(body) && typeof body.error === 'string' ? body.error : `http-${status}`;
      const text = isObject(body) && typeof body.message === 'string' ? body.message : `iwy answered HTTP ${status}`;
      return new IwyApiError(status, code.slice(0, 64), this.#redact(text.slice(0, 300)), {
        retryAfterSeconds: parseRetryAfter(error.response.headers.get('retry-after')),
      });
    }
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError') return new IwyApiError(0, 'timeout', 'iwy did not answer in time', { cause: error });
    if (name === 'AbortError') return new IwyApiError(0, 'aborted', 'the call was aborted', { cause: error });
    if (error instanceof SyntaxError) return new IwyApiError(200, 'invalid-response', 'iwy answered malformed JSON');
    const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
    const reason = cause?.code ?? cause?.message;
    return new IwyApiError(0, 'network-error', `iwy could not be reached${reason ? ` (${reason})` : ''}`, { cause: error });
  }
}

const enc = encodeURIComponent;
const invalid = (what: string) => new IwyApiError(200, 'invalid-response', `unexpected answer shape from ${what}`);

function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
