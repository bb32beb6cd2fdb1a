/**
 * Child process for bench/server.ts, so load generator and servers do not share one event loop.
 *   upstream            a stand-in for iwy answering start-agent-session
 *   servers <iwy url>   the session handler and a bare node:http pass-through, side by side
 * Reports its ports over IPC, answers 'cpu' with its CPU usage, and exits when the parent disconnects.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSessionHandler, toNodeHandler } from '../src/server/index.js';

export const BENCH_KEY = 'sk_bench_0123456789';
const SESSION = JSON.stringify({ roomUrl: 'https://iwy.daily.co/bench', dailyToken: 'jwt.bench.token', webLink: 'https://meet.iwy.ai/x' });

async function serve(listener: http.RequestListener): Promise<number> {
  const server = http.createServer({ keepAliveTimeout: 30_000 }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const drain = async (req: http.IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

function upstream(): Promise<number> {
  return serve(async (req, res) => {
    await drain(req);
    res.writeHead(200, { 'content-type': 'application/json' }).end(SESSION);
  });
}

async function servers(iwyUrl: string): Promise<{ handler: number; passThrough: number }> {
  // The baseline: read the body, forward it with the key, copy the answer back. No checks at all.
  const passThrough = await serve(async (req, res) => {
    const body = await drain(req);
    const answer = await fetch(`${iwyUrl}/start-agent-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_KEY}` },
      body,
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
  const handler = await serve(
    toNodeHandler(
      createSessionHandler({
        apiKey: BENCH_KEY,
        baseUrl: iwyUrl,
        // Counted on every request like in production, but never tripping.
        rateLimit: { limit: Number.MAX_SAFE_INTEGER },
        context: () => ({ plan: 'pro' }),
      }),
    ),
  );
  return { handler, passThrough };
}

const [role, iwyUrl] = process.argv.slice(2);
if (process.send) {
  const ports = role === 'upstream' ? { upstream: await upstream() } : await servers(iwyUrl!);
  process.send(ports);
  // CPU time lets the parent tell the handler's own cost apart from a busy machine's noise.
  process.on('message', (m) => m === 'cpu' && process.send!(process.cpuUsage()));
  process.on('disconnect', () => process.exit(0));
}
