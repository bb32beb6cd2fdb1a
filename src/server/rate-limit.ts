/** One counted request: how many this key made in the current window, and when the window ends. */
export interface RateLimitHit {
  count: number;
  resetInMs: number;
}

/**
 * Where counters live. The default keeps them in this process; to share limits across instances,
 * implement `hit` on a shared store (Redis: `INCR key` + `PEXPIRE key windowMs NX` + `PTTL key`).
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): RateLimitHit | Promise<RateLimitHit>;
}

export interface RateLimitOptions {
  /** Session requests allowed per visitor per window. Default 10. */
  limit?: number;
  /** Window length in ms. Default 60 000. */
  windowMs?: number;
  /**
   * Who the visitor is. Default: the client address the runtime gives (`toNodeHandler` passes the
   * socket's; Deno passes `remoteAddr`), else `cf-connecting-ip`, else one shared bucket. Behind a
   * proxy, derive it from the header your proxy sets, or from your own user id.
   */
  key?: (request: Request, info: SessionRequestInfo) => string | Promise<string>;
  /** Default: a {@link MemoryRateLimitStore}. */
  store?: RateLimitStore;
}

/** What the runtime knows about the request beyond the Request itself. */
export interface SessionRequestInfo {
  /** The peer's address; `toNodeHandler` fills it from the socket. */
  clientAddress?: string;
  /** Deno.serve passes this. */
  remoteAddr?: { hostname?: string };
}

/**
 * Fixed-window counters in memory, bounded in size: at `maxKeys` expired windows are swept and,
 * if that is not enough, the oldest keys go (a flood of spoofed keys cannot grow memory).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(options: { now?: () => number; maxKeys?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  hit(key: string, windowMs: number): RateLimitHit {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      if (window) this.#windows.delete(key);
      else if (this.#windows.size >= this.#maxKeys) this.#evict(now);
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  #evict(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break;
      this.#windows.delete(key);
    }
  }
}

export function defaultRateLimitKey(request: Request, info: SessionRequestInfo): string {
  return (
    info.clientAddress ??
    info.remoteAddr?.hostname ??
    request.headers.get('cf-connecting-ip') ??
    'shared'
  );
}
