/**
 * Child process of bench/simulator.ts: N node-side WebRTC visitors (@roamhq/wrtc) on one simulator.
 * Prints JSON lines: `{ phase: 'connected' }`, then after the window `{ phase: 'done', fps: number[] }`.
 * Kept apart from the simulator's process so the decoding cost is not counted as the simulator's.
 * Usage: node --import tsx bench/simulator-clients.ts <apiUrl> <count> <windowMs>
 */
import { WrtcVisitor } from '../test/simulator/wrtc-client.js';

const [apiUrl, countArg, windowArg] = process.argv.slice(2);
const count = Number(countArg);
const windowMs = Number(windowArg);
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function visitor(): Promise<WrtcVisitor> {
  const res = await fetch(`${apiUrl}/start-agent-session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: 'demo' }),
  });
  if (!res.ok) throw new Error(`start-agent-session answered ${res.status}`);
  const v = new WrtcVisitor(((await res.json()) as { webrtcUrl: string }).webrtcUrl);
  if (!(await v.connect()).ok) throw new Error('offer refused');
  await v.opened(15_000);
  v.send('client-ready', { version: '2.1.0' });
  await v.framesAtLeast(1, 15_000);
  return v;
}

const visitors: WrtcVisitor[] = [];
try {
  for (let i = 0; i < count; i++) visitors.push(await visitor());
  await new Promise((r) => setTimeout(r, 1_000)); // let the encoders settle after the key frames
  print({ phase: 'connected' });
  const before = visitors.map((v) => v.frames);
  await new Promise((r) => setTimeout(r, windowMs));
  print({ phase: 'done', fps: visitors.map((v, i) => ((v.frames - before[i]!) * 1000) / windowMs) });
} catch (error) {
  print({ phase: 'error', message: (error as Error).message });
} finally {
  for (const v of visitors) v.close();
  process.exit(0); // skips @roamhq/wrtc's native teardown, which can crash at exit
}
