import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError, type CliIo } from './io.js';

/** The simulator's entry, as `iwy-agent simulate` uses it. */
interface SimulatorModule {
  startSimulator(options: { port?: number; host?: '127.0.0.1'; dataDir?: string; apiKey?: string }): Promise<{
    url: string;
    apiKey: string;
    close(): Promise<void>;
  }>;
}

/** Optional peer dependencies the simulator needs, with the ranges we test. */
export const SIMULATOR_PACKAGES = { '@roamhq/wrtc': '^0.10.0', 'better-sqlite3': '^12' } as const;

/**
 * Says exactly what to install when the simulator failed to load for want of its native packages;
 * undefined for any other failure. `resolve` tells whether a package can be found (injected for tests).
 */
export function explainSimulatorLoadError(error: unknown, resolve: (name: string) => boolean): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const names = Object.keys(SIMULATOR_PACKAGES) as (keyof typeof SIMULATOR_PACKAGES)[];
  const involved = names.some((n) => message.includes(n));
  if (!involved) return undefined;
  const missing = names.filter((n) => !resolve(n));
  if (missing.length === 0) {
    // Installed but unloadable: a native module built for another Node version.
    return `iwy-agent simulate: ${message.split('\n')[0]}\nRebuild the native modules for this Node version:\n  npm rebuild ${names.join(' ')}`;
  }
  const specs = missing.map((n) => `${n}@${SIMULATOR_PACKAGES[n]}`).join(' ');
  return `iwy-agent simulate needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed.\nInstall with:\n  npm install --save-dev ${specs}`;
}

const canResolve = (name: string) => {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
};

/**
 * Where the simulator entry is: next to the built CLI (dist/lib/cli.js → dist/lib/simulator/), or in
 * the source tree when run through tsx (src/cli/ → src/simulator/). Resolved at run time so that
 * neither the type declarations build nor a site's bundle pulls the simulator in.
 */
function simulatorEntry(): string {
  const built = new URL(/* @vite-ignore */ './simulator/index.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built.href : new URL(/* @vite-ignore */ '../simulator/index.js', import.meta.url).href;
}

export interface SimulateOptions {
  port?: number;
  dataDir?: string;
  apiKey?: string;
}

/** Starts the local iwy simulator and keeps it running until SIGINT/SIGTERM. */
export async function simulate(options: SimulateOptions, io: CliIo): Promise<void> {
  let sim: Awaited<ReturnType<SimulatorModule['startSimulator']>>;
  try {
    // Imported only here: the native packages are optional peers, loaded by the simulator on start.
    const mod = (await import(/* @vite-ignore */ simulatorEntry())) as SimulatorModule;
    sim = await mod.startSimulator({ host: '127.0.0.1', ...options });
  } catch (error) {
    const advice = explainSimulatorLoadError(error, canResolve);
    if (advice) throw new CliError(advice);
    throw error;
  }
  io.out(`iwy simulator listening on ${sim.url}`);
  io.out(`development API key: ${sim.apiKey}`);
  io.out(`try: IWY_BASE_URL=${sim.url} IWY_API_KEY=${sim.apiKey} iwy-agent agents list`);
  io.out('Ctrl+C stops it.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
