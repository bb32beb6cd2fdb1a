import { answerTexts } from './adapter-channels.js';
import { SESSION_ERRORS, type SessionErrorCode } from './error-codes.js';

/** Every answer is JSON, never cached (it may carry a session token), and never sniffed. */
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, { status, headers: { ...BASE_HEADERS, ...headers } });
  answerTexts.set(response, text);
  return response;
}

/**
 * A refusal that knows its HTTP answer. Thrown inside the handler's pipeline (and by site hooks, if
 * they like: `throw new SessionError('session-unauthorized', { status: 403 })`).
 */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly code: SessionErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    code: SessionErrorCode,
    options: { message?: string; status?: number; headers?: Record<string, string> } = {},
  ) {
    super(options.message ?? SESSION_ERRORS[code].message);
    this.code = code;
    this.status = options.status ?? SESSION_ERRORS[code].status;
    this.headers = options.headers ?? {};
  }

  toResponse(extraHeaders?: Record<string, string>): Response {
    return jsonResponse(this.status, { error: this.code, message: this.message }, { ...extraHeaders, ...this.headers });
  }
}
