/**
 * The local iwy platform (Node only; never imported by browser code): the iwy REST API on 127.0.0.1,
 * storage in SQLite, and a simulated agent per session that joins over real WebRTC.
 *
 * @example
 * const sim = await startSimulator({ port: 0 });
 * console.log(sim.url, sim.apiKey); // http://127.0.0.1:PORT/v1  iwy_dev_…
 * await sim.close();
 */
import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApi } from './api.js';
import { assertInstalled } from './optional.js';
import type { SimulatorFaults } from './faults.js';
import { Registry } from './registry.js';
import { Sessions } from './sessions.js';
import { Store } from './store.js';

export type { SimulatorFaults } from './faults.js';
export { MissingDependencyError } from './optional.js';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only loopback: the simulator is a development tool. */
  host?: '127.0.0.1';
  /** Where the SQLite file lives; without it, storage is in memory and gone on close. */
  dataDir?: string;
  /** The key clients must send as `Authorization: Bearer <key>`; default a generated `iwy_dev_…` kept in `dataDir`. */
  apiKey?: string;
  /** Faults applied to every session (agents' `metadata.simulator` and the admin endpoint override). */
  faults?: SimulatorFaults;
  /** Concurrent sessions allowed (default 16); more get 429. */
  maxSessions?: number;
  /** A session's longest life (default 15 min). */
  maxSessionMs?: number;
  /** How long a session whose peer went away waits for a reconnect (default 20 s: Pipecat re-offers 5 s after ICE goes `disconnected`). */
  reconnectGraceMs?: number;
}

export interface Simulator {
  /** The API base, e.g. `http://127.0.0.1:PORT/v1`. */
  url: string;
  port: number;
  apiKey: string;
  /** The id of the seeded public demo agent (`"demo"` works too). */
  demoAgentId: string;
  /** Live sessions, for tests and the benchmark. */
  sessions(): { id: string; agentId: string; state: string; framesSent: number }[];
  /** Sessions currently encoding media. */
  playingSessions(): number;
  setSessionFaults(sessionId: string, faults: SimulatorFaults): void;
  /** Ends every session, stops the server and closes storage. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = '127.0.0.1';
  assertInstalled('@roamhq/wrtc');
  const store = await Store.open(options.dataDir);
  const apiKey = options.apiKey ?? store.meta('dev_api_key', () => `iwy_dev_${randomBytes(18).toString('base64url')}`);
  const registry = new Registry(store);
  const sessions = new Sessions(registry, {
    maxSessions: options.maxSessions ?? 16,
    maxDurationMs: options.maxSessionMs ?? 15 * 60_000,
    offerTimeoutMs: 60_000,
    reconnectGraceMs: options.reconnectGraceMs ?? 20_000,
    faults: options.faults ?? {},
  });
  let origin = '';
  const app = createApi({ registry, sessions, apiKey, origin: () => origin });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  registry.seedDemo(origin);
  // Warm up in the background; a missing @roamhq/wrtc surfaces (with its install hint) on the first session.
  sessions.warm().catch(() => undefined);

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    port,
    apiKey,
    demoAgentId: registry.demoAgentId(),
    sessions: () => sessions.list().map((s) => ({ id: s.id, agentId: s.agent.id, state: s.state, framesSent: s.framesSent })),
    playingSessions: () => sessions.playing,
    setSessionFaults: (id, faults) => sessions.setFaults(id, faults),
    close: () =>
      (closing ??= (async () => {
        sessions.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as import('node:http').Server).closeAllConnections?.();
        });
        store.close();
      })()),
  };
}
