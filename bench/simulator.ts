/**
 * Simulator benchmark: CPU per concurrent session and the most concurrent sessions that keep ≥ 14 fps.
 * For N = 1, 2, 4, 8, 16 (stopping at the first N that misses the bar, then up to two bisection steps
 * between the last passing and the first failing N), a child process connects N
 * node-side WebRTC visitors; over a measuring window this process's `process.cpuUsage()` gives the
 * simulator's CPU, and each visitor counts the frames it decodes. Visitors share the machine's cores,
 * so the figure is "on this machine, with the visitors on it too".
 * Run: node --import tsx bench/simulator.ts
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../src/simulator/index.js';

export interface SimulatorStep {
  sessions: number;
  /** The simulator's CPU over the window, in % of one core. */
  cpuPercent: number;
  cpuPercentPerSession: number;
  minFps: number;
  meanFps: number;
  /** Why the step failed outright (e.g. visitors could not even connect), if it did. */
  error?: string;
}
export interface SimulatorFigures {
  steps: SimulatorStep[];
  /** CPU % of one core per session at the largest passing step. */
  cpuPercentPerSession: number;
  /** The most concurrent sessions (of the steps tried) whose every visitor got ≥ minFps. */
  maxSessionsAtMinFps: number;
  minFps: number;
  cores: number;
}

const CLIENTS = fileURLToPath(new URL('./simulator-clients.ts', import.meta.url));

async function step(apiUrl: string, sessions: number, windowMs: number): Promise<SimulatorStep> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENTS, apiUrl, String(sessions), String(windowMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let start: { cpu: NodeJS.CpuUsage; at: number } | undefined;
  let result: SimulatorStep | undefined;
  for await (const line of createInterface({ input: child.stdout! })) {
    const msg = JSON.parse(line) as { phase: string; fps?: number[]; message?: string };
    if (msg.phase === 'connected') start = { cpu: process.cpuUsage(), at: performance.now() };
    if (msg.phase === 'error') {
      result = { sessions, cpuPercent: 0, cpuPercentPerSession: 0, minFps: 0, meanFps: 0, error: msg.message };
    }
    if (msg.phase === 'done' && start) {
      const used = process.cpuUsage(start.cpu);
      const cpuPercent = ((used.user + used.system) / 1000 / (performance.now() - start.at)) * 100;
      const fps = msg.fps!;
      result = {
        sessions, cpuPercent: round(cpuPercent), cpuPercentPerSession: round(cpuPercent / sessions),
        minFps: round(Math.min(...fps)), meanFps: round(fps.reduce((a, b) => a + b, 0) / fps.length),
      };
    }
  }
  if (!result) throw new Error(`no figures from the visitors at ${sessions} sessions`);
  return result;
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchSimulator({
  counts = [1, 2, 4, 8, 16], windowMs = 3_000, minFps = 14, onStep,
}: { counts?: number[]; windowMs?: number; minFps?: number; onStep?: (s: SimulatorStep) => void } = {}): Promise<SimulatorFigures> {
  const sim = await startSimulator({ maxSessions: Math.max(...counts), reconnectGraceMs: 1_000 });
  const steps: SimulatorStep[] = [];
  try {
    const run = async (n: number) => {
      const s = await step(sim.url, n, windowMs);
      steps.push(s);
      onStep?.(s);
      // Wait until the previous visitors' sessions are gone before the next step.
      for (let i = 0; i < 100 && sim.sessions().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      return s.minFps >= minFps;
    };
    let pass = 0;
    let fail = 0;
    for (const n of counts) {
      if (!(await run(n))) {
        fail = n;
        break;
      }
      pass = n;
    }
    // Narrow the gap between the last passing and the first failing count (two more steps at most).
    for (let extra = 0; extra < 2 && fail - pass > 1 && pass > 0; extra++) {
      const mid = Math.floor((pass + fail) / 2);
      if (await run(mid)) pass = mid;
      else fail = mid;
    }
  } finally {
    await sim.close();
  }
  const passing = steps.filter((s) => s.minFps >= minFps).sort((a, b) => a.sessions - b.sessions);
  const best = passing.at(-1) ?? steps[0]!;
  return { steps, cpuPercentPerSession: best.cpuPercentPerSession, maxSessionsAtMinFps: best.minFps >= minFps ? best.sessions : 0, minFps, cores: availableParallelism() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchSimulator({ onStep: (s) => console.log(JSON.stringify(s)) });
  console.log(`simulator CPU per session: ${figures.cpuPercentPerSession} % of one core; most sessions at ≥ ${figures.minFps} fps: ${figures.maxSessionsAtMinFps} (tried ${figures.steps.map((s) => s.sessions).join(', ')}; ${figures.cores} cores)`);
}
