/**
 * `npm run bench`: builds the package, then prints every benchmark's figures next to a baseline
 * measured in the same run. Figures are printed, never asserted. `npm run bench -- bundle call` runs
 * only the named parts (bundle, server, call, simulator).
 */
import { execFileSync } from 'node:child_process';
import { runBundleBench, printBundleFigures } from './bundle.js';
import { runServerBench } from './server.js';
import { runCallBench, printCallFigures } from './call.js';
import { benchSimulator } from './simulator.js';

const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);

console.log(`iwy-agent benchmarks — ${new Date().toISOString()} — node ${process.version}`);
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });

if (wanted('bundle')) printBundleFigures(await runBundleBench());
if (wanted('server')) {
  console.log('\n## Backend helper (iwy-agent/server) vs a bare node:http pass-through');
  console.log((await runServerBench()).table);
}
if (wanted('call')) printCallFigures(await runCallBench());
if (wanted('simulator')) {
  console.log('\n## Simulator');
  const f = await benchSimulator({});
  console.log(`CPU per concurrent session: ${f.cpuPercentPerSession} % of one core`);
  console.log(`most concurrent sessions keeping ≥ ${f.minFps} fps: ${f.maxSessionsAtMinFps} (tried ${f.steps.map((s) => s.sessions).join(', ')}; ${f.cores} cores)`);
}
