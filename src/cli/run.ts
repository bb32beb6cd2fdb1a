import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL, IwyClient } from '../server/iwy-client.js';
import { IwyApiError } from '../server/iwy-error.js';
import { agentTarget, apply, parseEntries, toolTarget, type ApplyTarget } from './apply.js';
import { CliError, EXIT, processIo, readJsonFile, usageError, type CliIo } from './io.js';
import { simulate } from './simulate.js';
import { USAGE } from './usage.js';

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  'validate-only': { type: 'boolean' },
  port: { type: 'string' },
  data: { type: 'string' },
  'api-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function run(argv: string[], env: Record<string, string | undefined> = process.env, io: CliIo = processIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw usageError((error as Error).message);
    }
    const { values: flags, positionals } = parsed;
    const [group, command, ...rest] = positionals;
    if (flags.help || !group || group === 'help') {
      io.out(USAGE);
      return group || flags.help ? EXIT.ok : EXIT.usage;
    }
    if (group === 'simulate') {
      await simulate({ port: port(flags.port), dataDir: flags.data, apiKey: flags['api-key'] }, io);
      return EXIT.ok;
    }
    if (group !== 'agents' && group !== 'tools') throw usageError(`unknown command "${group}"`);
    const client = clientFrom(env);
    await dispatch(client, group, command, rest, flags, io);
    return EXIT.ok;
  } catch (error) {
    return report(error, io, env);
  }
}

async function dispatch(client: IwyClient, group: 'agents' | 'tools', command: string | undefined, args: string[], flags: Flags, io: CliIo) {
  const target: ApplyTarget = group === 'agents' ? agentTarget(client) : toolTarget(client);
  const arg = (name: string, i = 0) => args[i] ?? fail(`${group} ${command} needs <${name}>`);
  switch (command) {
    case 'list': {
      const items = group === 'agents' ? await client.listAgents() : await client.listTools();
      if (flags.json) return io.out(JSON.stringify(items, null, 2));
      if (items.length === 0) return io.out(`no ${group}`);
      for (const item of items) io.out(`${item.id}  ${String(group === 'agents' ? item.publish_status : (item.method ?? 'POST')).padEnd(7)}  ${item.name}`);
      return;
    }
    case 'get': {
      const id = arg('id');
      return io.out(JSON.stringify(group === 'agents' ? await client.getAgent(id) : await client.getTool(id), null, 2));
    }
    case 'delete': {
      const id = arg('id');
      await (group === 'agents' ? client.deleteAgent(id) : client.deleteTool(id));
      return io.out(`- ${target.kind} ${id} deleted`);
    }
    case 'apply': {
      const file = arg('file');
      const entries = parseEntries(target.kind, await readJsonFile(io, file), file);
      const dryRun = flags['dry-run'] === true;
      const r = await apply(target, entries, dryRun, io.out);
      return io.out(`${group}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${dryRun ? ' (dry run: nothing was changed)' : ''}`);
    }
    case 'test': {
      if (group !== 'tools') break;
      const id = arg('id');
      const parameters = await readJsonFile(io, arg('params.json', 1));
      if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) fail('the parameters file must hold a JSON object');
      const result = await client.testTool(id, { parameters: parameters as Record<string, unknown>, validate_only: flags['validate-only'] === true });
      io.out(JSON.stringify(result, null, 2));
      if (!result.success) throw new CliError(`tool test failed: ${result.message ?? 'the webhook call did not succeed'}`);
      return;
    }
  }
  fail(command ? `unknown command "${group} ${command}"` : `${group} needs a command`);
}

function clientFrom(env: Record<string, string | undefined>): IwyClient {
  const apiKey = env.IWY_API_KEY;
  if (!apiKey) throw usageError('IWY_API_KEY is not set');
  const baseUrl = env.IWY_BASE_URL || DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl)) throw usageError(`IWY_BASE_URL is not a URL: ${baseUrl}`);
  return new IwyClient({ apiKey, baseUrl, timeoutMs: 30_000, totalTimeoutMs: 90_000 });
}

function port(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw usageError(`--port must be a port number, not "${value}"`);
  return n;
}

function fail(message: string): never {
  throw usageError(message);
}

/** One line on stderr a CI log makes sense of; the usage text too for usage errors. */
function report(error: unknown, io: CliIo, env: Record<string, string | undefined>): number {
  if (error instanceof CliError) {
    io.err(error.message.includes('\n') ? error.message : `iwy-agent: ${error.message}`);
    if (error.exitCode === EXIT.usage) io.err('Run "iwy-agent --help" for usage.');
    return error.exitCode;
  }
  if (error instanceof IwyApiError) {
    const where = env.IWY_BASE_URL || DEFAULT_BASE_URL;
    const line =
      error.status === 0
        ? `cannot reach iwy at ${where} (${error.code}: ${error.message})`
        : `iwy answered ${error.status} ${error.code}: ${error.message}${error.status === 401 ? ' (check IWY_API_KEY)' : ''}`;
    io.err(`iwy-agent: ${line}`);
    return EXIT.failed;
  }
  io.err(`iwy-agent: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failed;
}
