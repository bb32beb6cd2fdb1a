/** The closed set of error codes the element reports. Public API: documented in the README. */
export const ERROR_CODES = [
  'invalid-config',
  'session-request-failed',
  'session-unauthorized',
  'session-rate-limited',
  'agent-not-found',
  'mic-permission-denied',
  'mic-not-found',
  'mic-in-use',
  'insecure-context',
  'transport-failed',
  'agent-timeout',
  'network-lost',
] as const;

export type IwyErrorCode = (typeof ERROR_CODES)[number];

/** Errors the visitor can fix by trying again (as opposed to a broken page configuration). */
const NOT_RECOVERABLE: ReadonlySet<IwyErrorCode> = new Set(['invalid-config', 'insecure-context']);

/** An error with a stable `code`; the UI maps the code to a plain-language message. */
export class IwyAgentError extends Error {
  override readonly name = 'IwyAgentError';
  readonly code: IwyErrorCode;
  readonly recoverable: boolean;
  /** Seconds the visitor should wait before retrying (from `Retry-After`), when known. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: IwyErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number; recoverable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.recoverable = options.recoverable ?? !NOT_RECOVERABLE.has(code);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isIwyAgentError = (e: unknown): e is IwyAgentError => e instanceof IwyAgentError;
