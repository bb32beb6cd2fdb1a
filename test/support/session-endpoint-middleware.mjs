/**
 * A scriptable session endpoint for browser tests (Koa middleware for wtr).
 *
 * POST /__iwy-test/session?status=…&json=…&text=…&delayMs=…&retryAfter=…&key=…
 *   answers `status` (default 200) with `json` (a JSON string, sent as application/json) or `text`
 *   (sent as text/html), after `delayMs` (at most 10 s; cut short when the client goes away), with
 *   `Retry-After: retryAfter` when given. The request body is kept under `key`.
 * GET /__iwy-test/session-log?key=…  → the JSON bodies received under `key`, in order.
 */
const PREFIX = '/__iwy-test/';
const MAX_DELAY_MS = 10_000;
const MAX_KEYS = 500;
const received = new Map();

export async function sessionEndpointMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const q = ctx.query;
  const key = String(q.key ?? '');
  if (ctx.method === 'GET' && ctx.path === `${PREFIX}session-log`) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(received.get(key) ?? []);
    return undefined;
  }
  if (ctx.method !== 'POST' || ctx.path !== `${PREFIX}session`) return next();

  const raw = await readBody(ctx.req);
  if (received.size >= MAX_KEYS) received.delete(received.keys().next().value);
  received.set(key, [...(received.get(key) ?? []), { contentType: ctx.get('content-type'), body: raw }]);

  const delayMs = Math.min(Number(q.delayMs ?? 0), MAX_DELAY_MS);
  if (delayMs > 0) await waitOrClose(ctx.req, delayMs);
  ctx.status = Number(q.status ?? 200);
  if (q.retryAfter) ctx.set('Retry-After', String(q.retryAfter));
  if (q.json !== undefined) {
    ctx.type = 'application/json';
    ctx.body = String(q.json);
  } else {
    ctx.type = 'text/html';
    ctx.body = String(q.text ?? '');
  }
  return undefined;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function waitOrClose(req, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    req.socket.once('close', done);
    function done() {
      clearTimeout(timer);
      req.socket.off('close', done);
      resolve();
    }
  });
}
