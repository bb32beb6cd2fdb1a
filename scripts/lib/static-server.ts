import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** Serves folders and inline pages on 127.0.0.1 for benchmarks and screenshots. */
export async function serveStatic(
  mounts: Record<string, string>,
  pages: Record<string, string> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  for (const [path, html] of Object.entries(pages)) app.get(path, (_req, res) => void res.type('html').send(html));
  for (const [prefix, dir] of Object.entries(mounts)) app.use(prefix, express.static(dir));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
