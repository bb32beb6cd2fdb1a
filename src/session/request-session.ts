import wretch from 'wretch';
import AbortAddon from 'wretch/addons/abort';
import type { WretchError } from 'wretch';
import type { SessionRequestBody } from '../events.js';
import { IwyAgentError, isIwyAgentError } from './errors.js';
import type { SessionInfo } from './session-info.js';
import { errorFromStatus, parseSessionAnswer } from './session-answer.js';

/** iwy's public endpoint for public agents, used when the element has no `session-url`. */
export const DEFAULT_SESSION_URL = 'https://api.iwy.ai/v1/start-agent-session';

export interface RequestSessionOptions {
  /** Aborted when the visitor ends the call: the request is cancelled and rejects with an AbortError. */
  signal: AbortSignal;
  timeoutMs: number;
}

/**
 * POSTs `{agentId, context}` to the session endpoint and reads which transport to use.
 * Rejects with an IwyAgentError for every failure, or with the signal's AbortError when aborted.
 */
export async function requestSession(
  url: string,
  body: SessionRequestBody,
  { signal, timeoutMs }: RequestSessionOptions,
): Promise<SessionInfo> {
  signal.throwIfAborted();
  // A child controller, so that the timeout aborts this request only (not the whole call), and a
  // timer we clear ourselves (wretch's setTimeout() leaves its timer running after success).
  const request = new AbortController();
  const onAbort = () => request.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, timeoutMs);
  try {
    const json: unknown = await wretch(url)
      .addon(AbortAddon())
      .signal(request)
      .errorType('json')
      .post(body)
      .json();
    return parseSessionAnswer(json, url);
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    if (timedOut) {
      throw new IwyAgentError('session-request-failed', `The session endpoint did not answer within ${timeoutMs} ms.`, {
        cause: e,
      });
    }
    throw toSessionError(e);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function toSessionError(e: unknown): IwyAgentError {
  if (isIwyAgentError(e)) return e;
  const http = e as Partial<WretchError>;
  if (typeof http.status === 'number' && http.response) {
    return errorFromStatus(http.status, http.json, http.response.headers.get('Retry-After'));
  }
  if (e instanceof SyntaxError) {
    return new IwyAgentError('session-request-failed', 'The session endpoint did not answer with JSON.', { cause: e });
  }
  return new IwyAgentError('session-request-failed', 'The session endpoint could not be reached.', { cause: e });
}
