/**
 * `npm start`: the local iwy simulator, the demo's customer backend (iwy-agent/server) and the demo
 * page, all on 127.0.0.1, no account needed. With IWY_API_KEY set, the backend talks to iwy's real API.
 */
import { createServer } from 'vite';
import { demoBackendPlugin } from './backend.js';

const realKey = process.env.IWY_API_KEY;
const port = Number(process.env.PORT ?? 5173);

async function main() {
  let apiKey: string;
  let baseUrl: string;
  let closeSimulator = async () => {};
  if (realKey) {
    apiKey = realKey;
    baseUrl = process.env.IWY_BASE_URL ?? 'https://api.iwy.ai/v1';
  } else {
    const { startSimulator } = await import('../src/simulator/index.js');
    const sim = await startSimulator({
      port: Number(process.env.IWY_SIM_PORT ?? 0),
      dataDir: process.env.IWY_SIM_DATA ?? '.iwy-data',
    });
    apiKey = sim.apiKey;
    baseUrl = sim.url;
    closeSimulator = () => sim.close();
    console.log(`iwy simulator   ${sim.url}  (development key: ${sim.apiKey})`);
  }

  const server = await createServer({
    configFile: false,
    root: new URL('.', import.meta.url).pathname,
    server: { host: '127.0.0.1', port, strictPort: false, fs: { allow: ['..'] } },
    logLevel: 'warn',
    plugins: [demoBackendPlugin({ apiKey, baseUrl })],
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`demo backend    ${url}api/iwy-session  (${realKey ? 'iwy API' : 'simulator'})`);
  console.log(`\n  Open ${url} and click the agent.\n`);

  const stop = async () => {
    await server.close();
    await closeSimulator();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
