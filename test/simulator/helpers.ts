import type { Simulator } from '../../src/simulator/index.js';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
  headers: Headers;
}

/** Calls the simulator's API; `key: null` sends no Authorization header, `raw` sends a body as-is. */
export function api(sim: Simulator) {
  return async (method: string, path: string, body?: unknown, opts: { key?: string | null; raw?: string } = {}): Promise<Reply> => {
    const key = opts.key === undefined ? sim.apiKey : opts.key;
    const res = await fetch(`${sim.url}${path}`, {
      signal: AbortSignal.timeout(10_000),
      method,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    }).catch((e: Error) => {
      throw new Error(`${method} ${path}: ${e.message} (${String((e.cause as Error | undefined)?.message)})`);
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

export const agentBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Test agent',
  configuration: { llm: { model: 'm', provider: 'p', first_message: 'Hello from the test agent.' } },
  ...extra,
});

export const toolBody = (serverUrl: string, extra: Record<string, unknown> = {}) => ({
  name: 'get_weather',
  description: 'Weather for a city',
  server_url: serverUrl,
  parameters_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  ...extra,
});
