/** Codes the client gives failures that never produced an iwy error body. */
export type IwyTransportErrorCode = 'timeout' | 'network-error' | 'invalid-response' | 'aborted';

/**
 * A failed iwy API call. `status` is the HTTP status, or 0 when no response arrived (timeout,
 * network error, abort). `code` is iwy's `error` field when it sent one, else derived from the
 * status (`http-500`) or one of {@link IwyTransportErrorCode}.
 */
export class IwyApiError extends Error {
  override readonly name = 'IwyApiError';
  readonly status: number;
  readonly code: string;
  /** From `Retry-After` on 429/503, when present. */
  readonly retryAfterSeconds?: number;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isIwyApiError = (e: unknown): e is IwyApiError => e instanceof IwyApiError;

/** `Retry-After` as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
