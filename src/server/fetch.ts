/**
 * `iwy-agent/server/fetch`: everything in `iwy-agent/server` but the Node adapter, for edge runtimes
 * (Workers, Deno, Bun, Vercel Edge) whose bundlers must not see `node:*` imports.
 */
export { createSessionHandler, type SessionHandler } from './session-handler.js';
export type { SessionHandlerOptions, AuthorizeResult } from './options.js';
export type { SessionRequestInput } from './body.js';
export type { AllowedOrigins } from './cors.js';
export {
  MemoryRateLimitStore,
  type RateLimitOptions,
  type RateLimitStore,
  type RateLimitHit,
  type SessionRequestInfo,
} from './rate-limit.js';
export type { SessionLogger } from './redact.js';
export type { SessionBody } from './upstream.js';
export { SessionError } from './responses.js';
export {
  SESSION_ERRORS,
  SESSION_ERROR_CODES,
  elementCodeForStatus,
  type SessionErrorCode,
} from './error-codes.js';
export { IwyClient, DEFAULT_BASE_URL, type IwyClientOptions, type CallOptions } from './iwy-client.js';
export { IwyApiError, isIwyApiError, type IwyTransportErrorCode } from './iwy-error.js';
export type { RetryOptions } from './retry.js';
export type * from './models.js';
