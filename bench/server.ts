/**
 * What `iwy-agent/server` costs a site: latency it adds over calling iwy directly (p50/p99), and its
 * request rate against a bare node:http pass-through, both measured in the same run on loopback.
 * The stand-in for iwy and the two servers run in child processes; this process only makes load.
 */
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const fixture = join(import.meta.dirname, 'server-fixture.ts');
const BODY = JSON.stringify({ agentId: '0b6f1c1e-6a57-4f54-9a39-2f2d8d9f6a10', context: { page: '/pricing' } });

export interface ServerBenchOptions {
  /** Sequential requests per target for latency. Default 400. */
  latencyRequests?: number;
  /** Requests per throughput round. Default 3000. */
  loadRequests?: number;
  /** Concurrent connections in throughput rounds. Default 32. */
  concurrency?: number;
  /** Throughput rounds per target, alternating; the best of each is kept. Default 3. */
  rounds?: number;
}

export interface ServerFigures {
  latencyRequests: number;
  directP50Ms: number;
  directP99Ms: number;
  handlerP50Ms: number;
  handlerP99Ms: number;
  passThroughP50Ms: number;
  /** Handler p50/p99 minus direct p50/p99. Target p50 < 1 ms. */
  addedP50Ms: number;
  addedP99Ms: number;
  loadRequests: number;
  concurrency: number;
  handlerRps: number;
  passThroughRps: number;
  /** handlerRps / passThroughRps. Target ≥ 0.8. */
  ratio: number;
  /** Server-process CPU per request (best round): steadier than req/s on a shared machine. */
  handlerCpuUs: number;
  passThroughCpuUs: number;
  /** passThroughCpuUs / handlerCpuUs: the rate ratio a saturated core would give. */
  cpuRatio: number;
  failures: number;
}

function start(args: string[]): Promise<{ child: ChildProcess; ports: Record<string, number> }> {
  const child = fork(fixture, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (ports) => resolve({ child, ports: ports as Record<string, number> }));
    child.once('exit', (code) => reject(new Error(`bench fixture ${args[0]} exited with ${code}`)));
  });
}

/** One POST; resolves with its status after the whole answer was read. */
function post(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: {
      'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY), authorization: 'Bearer sk_bench_0123456789',
    } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode!));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(BODY);
  });
}

function cpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child.once('message', (usage) => resolve(usage as NodeJS.CpuUsage));
    child.send('cpu');
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Fixed number of requests over `concurrency` keep-alive connections; returns requests per second. */
async function load(port: number, path: string, requests: number, concurrency: number): Promise<{ rps: number; failures: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      if ((await post(agent, port, path).catch(() => 0)) !== 200) failures++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { rps: requests / seconds, failures };
}

export async function runServerBench(options: ServerBenchOptions = {}): Promise<{ figures: ServerFigures; table: string }> {
  const latencyRequests = options.latencyRequests ?? 400;
  const loadRequests = options.loadRequests ?? 3000;
  const concurrency = options.concurrency ?? 32;
  const rounds = options.rounds ?? 3;
  const iwy = await start(['upstream']);
  const servers = await start(['servers', `http://127.0.0.1:${iwy.ports.upstream}/v1`]);
  try {
    const targets = {
      direct: [iwy.ports.upstream!, '/v1/start-agent-session'],
      handler: [servers.ports.handler!, '/api/iwy-session'],
      passThrough: [servers.ports.passThrough!, '/api/iwy-session'],
    } as const;
    // Warm up every path (JIT, connection pools), then time one request at a time, interleaved so
    // that drift on a busy machine hits all three alike.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const times: Record<keyof typeof targets, number[]> = { direct: [], handler: [], passThrough: [] };
    let failures = 0;
    for (const [port, path] of Object.values(targets)) await load(port, path, 500, 8);
    for (let i = 0; i < latencyRequests; i++) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) {
        const t0 = performance.now();
        if ((await post(agent, targets[name][0], targets[name][1])) !== 200) failures++;
        times[name].push(performance.now() - t0);
      }
    }
    agent.destroy();
    const sorted = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.sort((a, b) => a - b)])) as typeof times;

    let handlerRps = 0;
    let passThroughRps = 0;
    let handlerCpuUs = Infinity;
    let passThroughCpuUs = Infinity;
    const measured = async (target: readonly [number, string]) => {
      const before = await cpu(servers.child);
      const result = await load(target[0], target[1], loadRequests, concurrency);
      const after = await cpu(servers.child);
      failures += result.failures;
      return { rps: result.rps, cpuUs: (after.user + after.system - before.user - before.system) / loadRequests };
    };
    for (let r = 0; r < rounds; r++) {
      const pass = await measured(targets.passThrough);
      const hand = await measured(targets.handler);
      passThroughRps = Math.max(passThroughRps, pass.rps);
      handlerRps = Math.max(handlerRps, hand.rps);
      passThroughCpuUs = Math.min(passThroughCpuUs, pass.cpuUs);
      handlerCpuUs = Math.min(handlerCpuUs, hand.cpuUs);
    }
    const figures: ServerFigures = {
      latencyRequests,
      directP50Ms: percentile(sorted.direct, 0.5),
      directP99Ms: percentile(sorted.direct, 0.99),
      handlerP50Ms: percentile(sorted.handler, 0.5),
      handlerP99Ms: percentile(sorted.handler, 0.99),
      passThroughP50Ms: percentile(sorted.passThrough, 0.5),
      addedP50Ms: percentile(sorted.handler, 0.5) - percentile(sorted.direct, 0.5),
      addedP99Ms: percentile(sorted.handler, 0.99) - percentile(sorted.direct, 0.99),
      loadRequests,
      concurrency,
      handlerRps,
      passThroughRps,
      ratio: handlerRps / passThroughRps,
      handlerCpuUs,
      passThroughCpuUs,
      cpuRatio: passThroughCpuUs / handlerCpuUs,
      failures,
    };
    return { figures, table: formatServerFigures(figures) };
  } finally {
    iwy.child.disconnect();
    servers.child.disconnect();
  }
}

export function formatServerFigures(f: ServerFigures): string {
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
  return [
    `## iwy-agent/server (loopback; latency over ${f.latencyRequests} sequential requests per target)`,
    `                          p50          p99`,
    `iwy directly           ${ms(f.directP50Ms).padStart(10)}   ${ms(f.directP99Ms).padStart(10)}`,
    `through the handler    ${ms(f.handlerP50Ms).padStart(10)}   ${ms(f.handlerP99Ms).padStart(10)}`,
    `bare pass-through      ${ms(f.passThroughP50Ms).padStart(10)}`,
    `added by the handler   ${ms(f.addedP50Ms).padStart(10)}   ${ms(f.addedP99Ms).padStart(10)}   target p50 < 1 ms: ${ok(f.addedP50Ms < 1)}`,
    `throughput (${f.loadRequests} requests, concurrency ${f.concurrency}, best round):`,
    `  handler ${f.handlerRps.toFixed(0)} req/s, pass-through ${f.passThroughRps.toFixed(0)} req/s, ratio ${f.ratio.toFixed(2)}   target ≥ 0.80: ${ok(f.ratio >= 0.8)}`,
    `  server CPU per request: handler ${f.handlerCpuUs.toFixed(0)} µs, pass-through ${f.passThroughCpuUs.toFixed(0)} µs, ratio ${f.cpuRatio.toFixed(2)}`,
    `failed requests: ${f.failures}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await runServerBench();
  console.log(table);
}
