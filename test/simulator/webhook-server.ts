import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A local webhook on 127.0.0.1 that records what it receives; `/slow` never answers in time and
 * `GET /hits` lists what came in (with CORS, so browser tests can read it).
 */
export async function startWebhook() {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/hits') {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        return void res.end(JSON.stringify(hits));
      }
      hits.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('late'), 3_000).unref();
      res.writeHead(req.url?.startsWith('/fail') ? 500 : 200, { 'content-type': 'application/json', 'x-secret-token': 'shh' });
      res.end(JSON.stringify({ result: 'It is sunny in Oslo.' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
