import { IwyAgentError, type IwyErrorCode } from './errors.js';
import type { SessionInfo } from './session-info.js';

/** Codes a session endpoint may answer with in `{error, message}`; others fall back to the status. */
const SERVER_CODES: ReadonlySet<IwyErrorCode> = new Set([
  'invalid-config',
  'session-request-failed',
  'session-unauthorized',
  'session-rate-limited',
  'agent-not-found',
]);

const MAX_MESSAGE = 300;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * Reads a 200 answer. The shape picks the transport: `roomUrl` + `dailyToken` is a Daily room;
 * `webrtcUrl` is a SmallWebRTC offer endpoint, which may be relative to the session URL.
 */
export function parseSessionAnswer(json: unknown, sessionUrl: string): SessionInfo {
  if (!isRecord(json)) throw shapeError();
  const extra = { sessionId: str(json.sessionId), expiresAt: str(json.expiresAt) };
  const roomUrl = str(json.roomUrl);
  const dailyToken = str(json.dailyToken);
  if (roomUrl && dailyToken) {
    if (!isHttpUrl(roomUrl)) throw shapeError();
    return { kind: 'daily', roomUrl, dailyToken, ...defined(extra) };
  }
  const webrtcUrl = str(json.webrtcUrl);
  if (webrtcUrl) {
    const resolved = resolveUrl(webrtcUrl, sessionUrl);
    if (!resolved) throw shapeError();
    return { kind: 'webrtc', webrtcUrl: resolved, ...defined(extra) };
  }
  throw shapeError();
}

/** Maps a failed answer to an error: the server's own code when it is one of ours, else the status. */
export function errorFromStatus(status: number, body: unknown, retryAfter: string | null): IwyAgentError {
  const serverCode = isRecord(body) ? str(body.error) : undefined;
  const serverMessage = isRecord(body) ? str(body.message)?.slice(0, MAX_MESSAGE) : undefined;
  const code: IwyErrorCode =
    serverCode && SERVER_CODES.has(serverCode as IwyErrorCode) ? (serverCode as IwyErrorCode) : codeForStatus(status);
  const retryAfterSeconds = code === 'session-rate-limited' ? parseRetryAfter(retryAfter) : undefined;
  const message = serverMessage ?? `The session endpoint answered ${status}.`;
  return new IwyAgentError(code, message, { retryAfterSeconds });
}

function codeForStatus(status: number): IwyErrorCode {
  if (status === 401 || status === 403) return 'session-unauthorized';
  if (status === 404) return 'agent-not-found';
  if (status === 429) return 'session-rate-limited';
  return 'session-request-failed';
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function resolveUrl(url: string, sessionUrl: string): string | undefined {
  try {
    const base = new URL(sessionUrl, globalThis.location?.href);
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

const isHttpUrl = (url: string): boolean => /^https?:$/.test(safeProtocol(url));
const safeProtocol = (url: string): string => {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
};

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const shapeError = () =>
  new IwyAgentError('session-request-failed', 'The session endpoint answered without a roomUrl/dailyToken or webrtcUrl.');
