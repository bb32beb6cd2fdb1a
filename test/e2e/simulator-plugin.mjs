import { tsImport } from 'tsx/esm/api';

const INFO = '/__iwy-simulator.json';
const PROXY = '/__iwy-simulator';

/**
 * A local iwy simulator for the e2e group (and a recording webhook, whose `GET <webhookUrl>/hits` lists
 * what came in), started on first use so runs without e2e tests pay nothing. `simulatorMiddleware` serves
 * - `/__iwy-simulator.json`: `{ url, apiKey, demoAgentId, webhookUrl, apiProxy }`;
 * - `/__iwy-simulator/v1/...`: the simulator's REST API, same-origin (the simulator allows CORS only on
 *   the endpoints browsers call in real life, and tests need the keyed ones too).
 * `simulatorPlugin()` closes both when the runner stops. The key is the simulator's throwaway
 * development key, fine to hand to a test page.
 */
let started;
const ensure = () =>
  (started ??= (async () => {
    const { startSimulator } = await tsImport('../../src/simulator/index.ts', import.meta.url);
    const { startWebhook } = await tsImport('../simulator/webhook-server.ts', import.meta.url);
    const [sim, hook] = await Promise.all([startSimulator(), startWebhook()]);
    return { sim, hook };
  })());

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function simulatorMiddleware(ctx, next) {
  if (ctx.path === INFO) {
    const { sim, hook } = await ensure();
    ctx.set('cache-control', 'no-store');
    ctx.type = 'json';
    ctx.body = JSON.stringify({ url: sim.url, apiKey: sim.apiKey, demoAgentId: sim.demoAgentId, webhookUrl: hook.url, apiProxy: `${PROXY}/v1` });
    return;
  }
  if (!ctx.path.startsWith(`${PROXY}/v1/`)) return next();
  const { sim } = await ensure();
  const body = ['GET', 'HEAD'].includes(ctx.method) ? undefined : await readBody(ctx.req);
  const res = await fetch(`${sim.url}${ctx.url.slice(PROXY.length + 3)}`, {
    method: ctx.method,
    headers: { 'content-type': ctx.get('content-type') || 'application/json', authorization: ctx.get('authorization') },
    body,
  });
  ctx.status = res.status;
  ctx.type = res.headers.get('content-type') ?? 'json';
  ctx.body = Buffer.from(await res.arrayBuffer());
}

export function simulatorPlugin() {
  return {
    name: 'iwy-simulator',
    async serverStop() {
      if (!started) return;
      const { sim, hook } = await started;
      started = undefined;
      await Promise.all([sim.close(), hook.close()]);
    },
  };
}
