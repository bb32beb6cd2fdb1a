import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
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
  const listener = getRequestListener(
    (request, env) => handler(request, { clientAddress: env.incoming.socket?.remoteAddress }),
    // A library must not replace the host application's global Request/Response.
    { overrideGlobalObjects: false },
  );
  return (req: MaybeParsed, res) => {
    if (req.readableEnded && req.rawBody === undefined && req.body !== undefined) req.rawBody = reread(req.body);
    return listener(req, res);
  };
}

function reread(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}
