import { prereadBodies } from './adapter-channels.js';
import { SessionError } from './responses.js';

/** What the element posts (DESIGN.md, "Session endpoint contract"). */
export interface SessionRequestInput {
  /** A UUID or "demo". */
  agentId: string;
  /** What the page added (untrusted: server `context` wins on conflicts). */
  context?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads at most `maxBytes` of a JSON body: a lying or missing Content-Length cannot get past it. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (!type || type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    throw new SessionError('unsupported-media-type');
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new SessionError('payload-too-large');
  const preread = prereadBodies.get(request);
  if (preread) return parse(preread);
  if (!request.body) throw new SessionError('invalid-request', { message: 'The body is empty.' });

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SessionError('payload-too-large');
    }
    chunks.push(value);
  }
  return parse(chunks.length === 1 ? chunks[0]! : concat(chunks, size));
}

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new SessionError('invalid-request', { message: 'The body is not valid UTF-8 JSON.' });
  }
}

export function parseInput(body: unknown): SessionRequestInput {
  if (!isPlainObject(body)) throw new SessionError('invalid-request', { message: 'The body must be a JSON object.' });
  const { agentId, context } = body;
  if (typeof agentId !== 'string' || !(agentId === 'demo' || UUID.test(agentId))) {
    throw new SessionError('invalid-request', { message: 'agentId must be a UUID or "demo".' });
  }
  if (context !== undefined && context !== null && !isPlainObject(context)) {
    throw new SessionError('invalid-request', { message: 'context must be a JSON object.' });
  }
  return context ? { agentId, context } : { agentId };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
