import type { ConfiguredMiddleware, FetchLike, WretchOptions } from 'wretch';
import { parseRetryAfter } from './iwy-error.js';

export interface RetryOptions {
  /** Extra attempts after the first. Default 2; 0 turns retrying off. */
  retries?: number;
  /** First backoff step in ms, doubled per retry, with full jitter. Default 250. */
  baseDelayMs?: number;
  /** Largest backoff step in ms. Default 4000. */
  maxDelayMs?: number;
  /** Time limit of one attempt (headers and body) in ms. Default 10 000. */
  timeoutMs?: number;
  /** Time limit of the whole call, waits included, in ms. Default 30 000. */
  totalTimeoutMs?: number;
  /** For tests: the jitter source. Default Math.random. */
  random?: () => number;
}

/**
 * Methods safe to repeat after an unknown outcome (RFC 9110 §9.2.2). PATCH is not: iwy's PATCH
 * merges, but we cannot confirm it, and a repeated tool or agent change must never surprise anyone.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Statuses that say the server did not act on the request: safe to repeat for any method. */
const DECLINED = new Set([429, 503]);
/** Transient statuses worth repeating when the method allows it. */
const TRANSIENT = new Set([408, 500, 502, 504]);

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const NULL_BODY = new Set([101, 204, 205, 304]);
const utf8 = new TextDecoder();

/**
 * An answer already read into memory. Built without a body stream, which is what a Response costs
 * most to make and read on Node 20; `text()`, `json()` and `arrayBuffer()` serve the bytes (`body`
 * stays null: wretch and IwyClient read answers through those methods only).
 */
class BufferedResponse extends Response {
  readonly #bytes: ArrayBuffer;

  constructor(bytes: ArrayBuffer | null, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes ?? new ArrayBuffer(0);
  }
  override text(): Promise<string> {
    return Promise.resolve(utf8.decode(this.#bytes));
  }
  override json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice(0));
  }
}

/**
 * One attempt under its own time limit, covering headers and body: the body is read here (iwy's
 * answers are small JSON) so the timer and the caller-signal listener are released when it ends.
 * A plain controller and timer, not AbortSignal.any/timeout, which are slow on Node 20.
 */
async function attemptOnce(next: FetchLike, url: string, opts: WretchOptions, ms: number, caller?: AbortSignal): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The iwy call timed out', 'TimeoutError')), ms);
  const onAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await next(url, { ...opts, signal: controller.signal });
    const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
    return new BufferedResponse(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  }
}

/** A refused connection never reached the server, so even a POST may be sent again. */
const neverSent = (error: unknown) =>
  (error as { cause?: { code?: string } } | undefined)?.cause?.code === 'ECONNREFUSED';

/**
 * wretch middleware: per-attempt timeout, jittered exponential backoff, `Retry-After` honoured, and a
 * bound on the total time. Written here because wretch's own `retry` cannot read `Retry-After` nor
 * tell methods apart per outcome.
 */
export function retryMiddleware(options: RetryOptions = {}): ConfiguredMiddleware {
  const retries = options.retries ?? 2;
  const base = options.baseDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 4000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const totalMs = options.totalTimeoutMs ?? 30_000;
  const random = options.random ?? Math.random;

  return (next) => async (url, opts: WretchOptions) => {
    const method = String(opts.method ?? 'GET').toUpperCase();
    const callerSignal: AbortSignal | undefined = opts.signal ?? undefined;
    const deadline = Date.now() + totalMs;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      let waitMs: number;
      try {
        const response = await attemptOnce(next, url, opts, Math.min(timeoutMs, Math.max(1, deadline - Date.now())), callerSignal);
        const declined = DECLINED.has(response.status);
        if (last || !(declined || (IDEMPOTENT.has(method) && TRANSIENT.has(response.status)))) return response;
        const retryAfter = declined ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
        waitMs = retryAfter !== undefined ? retryAfter * 1000 : backoff(attempt);
        if (Date.now() + waitMs >= deadline) return response;
      } catch (error) {
        if (callerSignal?.aborted || last || !(IDEMPOTENT.has(method) || neverSent(error))) throw error;
        waitMs = backoff(attempt);
        if (Date.now() + waitMs >= deadline) throw error;
      }
      await sleep(waitMs, callerSignal);
    }
  };

  function backoff(attempt: number): number {
    return Math.round(random() * Math.min(maxDelay, base * 2 ** attempt));
  }
}
