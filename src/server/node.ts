import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { answerTexts, bodyLimits, prereadBodies } from './adapter-channels.js';
import type { SessionHandler } from './session-handler.js';

/** A `node:http` request listener that is also an Express/Connect handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

type MaybeParsed = IncomingMessage & { body?: unknown; rawBody?: Buffer };

/**
 * Serves a Fetch handler from `node:http`, Express or Connect, via `@hono/node-server`'s listener.
 * The socket's address is passed on as `clientAddress` (the default rate-limit key). Mount it before
 * any body parser; if one (e.g. `express.json()`) already read the body, its result is used.
 *
 * @example
 * http.createServer(toNodeHandler(createSessionHandler())).listen(3000);
 * app.post('/api/iwy-session', toNodeHandler(createSessionHandler()));
 */
export function toNodeHandler(handler: SessionHandler): NodeHandler {
  const fetchCallback = async (request: Request, { incoming, outgoing }: HttpBindings | Http2Bindings) => {
    const { rawBody } = incoming as MaybeParsed;
    if (rawBody) prereadBodies.set(request, rawBody);
    const response = await handler(request, { clientAddress: incoming.socket?.remoteAddress });
    await writeResponse(response, outgoing as ServerResponse);
    return RESPONSE_ALREADY_SENT;
  };
  // A library must not replace the host application's global Request/Response.
  const listener = getRequestListener(fetchCallback, { overrideGlobalObjects: false });
  const limit = bodyLimits.get(handler);

  return async (req: MaybeParsed, res) => {
    if (req.readableEnded) {
      if (req.rawBody === undefined && req.body !== undefined) req.rawBody = reread(req.body);
      return listener(req, res);
    }
    // A declared body within the handler's limit is read in one go: much cheaper than web streams.
    // Node's parser holds the body to Content-Length, so this never buffers more than the limit.
    const declared = Number(req.headers['content-length']);
    if (limit !== undefined && req.method === 'POST' && declared > 0 && declared <= limit) {
      try {
        req.rawBody = await readAll(req);
      } catch {
        res.destroy(); // the client went away mid-body
        return;
      }
      return listener(req, res);
    }
    return listener(req, res);
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * The handler's answers are small JSON (or empty): one buffered write instead of streaming them.
 * A string body goes out in the same socket write as the head (Node joins them; a Buffer it cannot).
 */
async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const text = answerTexts.get(response);
  const body = text ?? (response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

function reread(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}
