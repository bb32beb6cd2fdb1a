import { IwyApiError } from './iwy-error.js';
import type { IwyClient } from './iwy-client.js';
import type { CreateEphemeralAgentInput, StartSessionResult } from './models.js';
import type { SessionLogger } from './redact.js';
import { SessionError } from './responses.js';

/** What the browser gets: the session fields and nothing else (no webLink, no upstream extras). */
export type SessionBody =
  | { roomUrl: string; dailyToken: string; sessionId?: string; expiresAt?: string }
  | { webrtcUrl: string; sessionId?: string; expiresAt?: string };

/** Seconds a visitor is told to wait when iwy rate-limits us without saying for how long. */
const DEFAULT_RETRY_AFTER_S = 10;

/**
 * Starts the session (after creating the single-use agent, if any). Not tied to the visitor's
 * connection: `timeoutMs` bounds it, and iwy may have started the session before any abort arrived.
 */
export async function startUpstreamSession(
  client: IwyClient,
  agentId: string,
  context: Record<string, unknown> | undefined,
  ephemeral: CreateEphemeralAgentInput | undefined,
  logger: SessionLogger,
): Promise<SessionBody> {
  try {
    if (ephemeral) agentId = (await client.createEphemeralAgent(ephemeral)).id;
    const answer = await client.startSession(context ? { agentId, context } : { agentId });
    const session = pickSession(answer);
    if (session) return session;
    throw new IwyApiError(200, 'invalid-response', 'start-agent-session answered neither a Daily room nor a webrtcUrl');
  } catch (error) {
    throw upstreamFailure(error, logger);
  }
}

function pickSession(answer: StartSessionResult): SessionBody | undefined {
  let session: SessionBody;
  if (isHttpUrl(answer.roomUrl) && isText(answer.dailyToken)) {
    session = { roomUrl: answer.roomUrl, dailyToken: answer.dailyToken };
  } else if (isHttpUrl(answer.webrtcUrl)) {
    session = { webrtcUrl: answer.webrtcUrl };
  } else {
    return undefined;
  }
  if (isText(answer.sessionId)) session.sessionId = answer.sessionId;
  if (isText(answer.expiresAt)) session.expiresAt = answer.expiresAt;
  return session;
}

/** Maps an iwy failure to the visitor's answer; logs what the site owner must know (never the key). */
function upstreamFailure(error: unknown, logger: SessionLogger): SessionError {
  if (!(error instanceof IwyApiError)) {
    logger.error(`unexpected failure talking to iwy: ${String(error)}`);
    return new SessionError('upstream-error');
  }
  const { status, code } = error;
  if (status === 401 || status === 403) {
    logger.error(
      `iwy rejected the API key (HTTP ${status}, ${code}): the key is wrong or revoked. ` +
        'Check the apiKey option / IWY_API_KEY. Visitors get 502 upstream-unauthorized until it is fixed.',
    );
    return new SessionError('upstream-unauthorized');
  }
  if (status === 404 || status === 410) return new SessionError('agent-not-found');
  if (status === 429) {
    const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S;
    logger.warn(`iwy rate-limited session starts (HTTP 429); visitors are told to retry after ${seconds}s`);
    return new SessionError('session-rate-limited', { headers: { 'retry-after': String(seconds) } });
  }
  const detail = status ? `HTTP ${status}, ${code}` : code;
  logger.warn(`start-agent-session failed (${detail}): ${error.message}`);
  return new SessionError(code === 'timeout' ? 'upstream-timeout' : 'upstream-error');
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 8192;

function isHttpUrl(v: unknown): v is string {
  if (!isText(v)) return false;
  try {
    const { protocol } = new URL(v);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
