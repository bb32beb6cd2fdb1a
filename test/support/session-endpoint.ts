/** Browser side of test/support/session-endpoint-middleware.mjs. */
export interface ScriptedAnswer {
  status?: number;
  json?: unknown;
  text?: string;
  delayMs?: number;
  retryAfter?: string;
}

let keys = 0;
const uniqueKey = () => `${Date.now().toString(36)}-${(keys++).toString(36)}-${Math.random().toString(36).slice(2)}`;

/** A session URL answering as scripted; `key` lets the test read back what was POSTed. */
export function scriptedSessionUrl(answer: ScriptedAnswer): { url: string; key: string } {
  const key = uniqueKey();
  const q = new URLSearchParams({ key });
  if (answer.status !== undefined) q.set('status', String(answer.status));
  if (answer.json !== undefined) q.set('json', typeof answer.json === 'string' ? answer.json : JSON.stringify(answer.json));
  if (answer.text !== undefined) q.set('text', answer.text);
  if (answer.delayMs !== undefined) q.set('delayMs', String(answer.delayMs));
  if (answer.retryAfter !== undefined) q.set('retryAfter', answer.retryAfter);
  return { url: new URL(`/__iwy-test/session?${q}`, location.href).href, key };
}

/** What the scripted endpoint received under `key`. */
export async function receivedBodies(key: string): Promise<{ contentType: string; body: string }[]> {
  const res = await fetch(`/__iwy-test/session-log?key=${encodeURIComponent(key)}`);
  return res.json();
}

/** A loopback port nothing listens on: the request fails at the network level. */
export const UNREACHABLE_SESSION_URL = 'http://127.0.0.1:47/session';
