/**
 * Everything a real call needs, on 127.0.0.1: the local iwy simulator, a customer backend made with
 * iwy-agent/server at /api/iwy-session, and static files (the built dist/ plus inline pages).
 * Used by the embedding tests and the call benchmarks.
 */
import express, { type RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { createSessionHandler, toNodeHandler, type SessionHandlerOptions } from '../../src/server/index.js';
import { startSimulator as start, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';

const root = resolve(import.meta.dirname, '../..');

export interface HarnessPage {
  html: string;
  headers?: Record<string, string>;
}

export interface CallHarness {
  url: string;
  simulator: Simulator;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mounts?: Record<string, string>;
  simulator?: SimulatorOptions;
  /** Extra options of the customer backend (the rate limit is off: tests and benches start many calls). */
  handler?: Partial<SessionHandlerOptions>;
}

export async function startCallHarness(pages: Record<string, HarnessPage>, options: HarnessOptions = {}): Promise<CallHarness> {
  const sim = await start({ port: 0, ...options.simulator });
  const session = toNodeHandler(
    createSessionHandler({ apiKey: sim.apiKey, baseUrl: sim.url, rateLimit: false, ...options.handler }),
  );
  const app = express();
  app.post('/api/iwy-session', ((req, res) => void session(req, res)) as RequestHandler);
  for (const [path, page] of Object.entries(pages)) {
    const fill = (text: string) => text.replaceAll('%SIM_ORIGIN%', new URL(sim.url).origin);
    const headers = Object.fromEntries(Object.entries(page.headers ?? {}).map(([k, v]) => [k, fill(v)]));
    const html = fill(page.html);
    app.get(path, (_req, res) => void res.set(headers).type('html').send(html));
  }
  app.use('/dist', express.static(join(root, 'dist')));
  for (const [prefix, dir] of Object.entries(options.mounts ?? {})) app.use(prefix, express.static(dir));
  const server: Server = await new Promise((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    simulator: sim,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await sim.close();
    },
  };
}
