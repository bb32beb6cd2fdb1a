/** Browser-side access to the simulator that the wtr `iwy-simulator` plugin runs for the e2e group. */
export interface SimulatorInfo {
  url: string;
  apiKey: string;
  demoAgentId: string;
  webhookUrl: string;
  /** The REST API through the test server (same origin), e.g. `/__iwy-simulator/v1`. */
  apiProxy: string;
}

let info: Promise<SimulatorInfo> | undefined;
export function simulator(): Promise<SimulatorInfo> {
  info ??= fetch('/__iwy-simulator.json').then((r) => r.json() as Promise<SimulatorInfo>);
  return info;
}

/** Calls the simulator's REST API with its development key. */
export async function simApi<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const sim = await simulator();
  const res = await fetch(`${sim.apiProxy}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.apiKey}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A keyless start of a public agent (as iwy's widget does): `{ webrtcUrl, sessionId }`. */
export async function startSession(agentId = 'demo'): Promise<{ webrtcUrl: string; sessionId: string }> {
  const sim = await simulator();
  const res = await fetch(`${sim.url}/start-agent-session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId }),
  });
  if (!res.ok) throw new Error(`start-agent-session answered ${res.status}`);
  return res.json() as Promise<{ webrtcUrl: string; sessionId: string }>;
}
