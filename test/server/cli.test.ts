import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { run } from '../../src/cli/run.js';
import { startFakeIwy, type FakeIwy } from './fake-iwy.js';

const root = join(import.meta.dirname, '../..');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI the way CI would, against the fake iwy. */
function cli(args: string[], env: Record<string, string | undefined>, input?: string, entry = ['--import', 'tsx', 'src/cli/main.ts']): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [...entry, ...args], { cwd: root, env: { PATH: process.env.PATH, ...env }, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Runs the CLI in this process (fast; same code path as main.ts minus process wiring). */
async function runCli(args: string[], env: Record<string, string | undefined>, input?: string): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, env, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readText: (path) => (path === '-' ? Promise.resolve(input ?? '') : readFile(path, 'utf8')),
  });
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

describe('iwy-agent CLI', () => {
  let iwy: FakeIwy;
  let dir: string;
  let env: Record<string, string>;
  const file = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const tools = [
    { name: 'get_weather', description: 'Weather', server_url: 'https://hooks.test/weather', parameters_schema: { type: 'object' } },
    { name: 'book_demo', description: 'Books', server_url: 'https://hooks.test/book', parameters_schema: { type: 'object' }, method: 'PUT' },
  ];
  const agent = {
    name: 'Support',
    publish_status: 'private',
    configuration: { llm: { first_message: 'Hi!', system_prompt: 'Be kind.' }, tool_calling: { selected_tool_ids: ['get_weather'] } },
  };

  before(async () => {
    iwy = await startFakeIwy();
    dir = await mkdtemp(join(tmpdir(), 'iwy-cli-'));
    env = { IWY_API_KEY: iwy.apiKey, IWY_BASE_URL: iwy.url };
  });
  after(async () => {
    await iwy.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('usage errors exit 2 with one line and a pointer to --help', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[], env, /^Usage: iwy-agent/],
      [['bogus'], env, /unknown command "bogus"/],
      [['agents', 'list'], {}, /IWY_API_KEY is not set/],
      [['agents', 'get'], env, /agents get needs <id>/],
      [['agents', 'list', '--nope'], env, /Unknown option '--nope'/],
      [['tools', 'apply', join(dir, 'missing.json')], env, /cannot read .*missing\.json: ENOENT/],
    ];
    const ran = await Promise.all(cases.map(([args, e]) => runCli(args, e)));
    ran.forEach((r, i) => {
      assert.equal(r.code, 2, cases[i]![0].join(' '));
      assert.match(r.stdout + r.stderr, cases[i]![2]);
    });
    const spawned = await cli(['agents', 'list'], {});
    assert.equal(spawned.code, 2, 'the process exit code is the usage code');
    assert.match(spawned.stderr, /^iwy-agent: IWY_API_KEY is not set$/m);
    const help = await runCli(['--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /agents apply <file\|-> \[--dry-run\]/);
  });

  it('apply files are checked before anything is sent', async () => {
    const before = iwy.requests.length;
    const cases: [unknown, RegExp][] = [
      ['{not json', /is not valid JSON/],
      [[{ description: 'no name' }], /\[0\]: a tool needs a "name"/],
      [[tools[0], tools[0]], /appears twice/],
      [[], /holds no tools/],
    ];
    for (const [content, message] of cases) {
      const r = await runCli(['tools', 'apply', await file('bad.json', content)], env);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
    }
    assert.equal(iwy.requests.length, before);
  });

  it('tools apply creates, then agents apply resolves tool names to ids', async () => {
    const t = await runCli(['tools', 'apply', await file('tools.json', tools)], env);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /^\+ tool "get_weather" created \([0-9a-f-]{36}\)$/m);
    assert.match(t.stdout, /tools: 2 created, 0 updated, 0 unchanged/);
    const a = await runCli(['agents', 'apply', await file('agent.json', agent)], env);
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout, /^\+ agent "Support" created/m);
    const stored = [...iwy.agents.values()].find((x) => x.name === 'Support') as { configuration: { tool_calling: { selected_tool_ids: string[] } } };
    const weather = [...iwy.tools.values()].find((x) => x.name === 'get_weather')!;
    assert.deepEqual(stored.configuration.tool_calling.selected_tool_ids, [weather.id]);
  });

  it('apply is idempotent: a second run changes nothing and sends no writes', async () => {
    const before = iwy.requests.length;
    const r = await runCli(['agents', 'apply', join(dir, 'agent.json')], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^= agent "Support" unchanged/m);
    assert.match(r.stdout, /agents: 0 created, 0 updated, 1 unchanged/);
    assert.deepEqual(iwy.requests.slice(before).map((q) => q.method), ['GET', 'GET']);
  });

  it('--dry-run prints the diff and writes nothing; apply then patches only the changed field', async () => {
    const changed = { ...agent, configuration: { ...agent.configuration, llm: { ...agent.configuration.llm, first_message: 'Hello!' } } };
    const path = await file('agent2.json', changed);
    const before = iwy.requests.length;
    const dry = await runCli(['agents', 'apply', path, '--dry-run'], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^~ agent "Support" would be updated/m);
    assert.match(dry.stdout, /^ {4}configuration\.llm\.first_message: "Hi!" → "Hello!"$/m);
    assert.match(dry.stdout, /\(dry run: nothing was changed\)/);
    assert.ok(iwy.requests.slice(before).every((q) => q.method === 'GET'));
    const real = await cli(['agents', 'apply', '-'], env, JSON.stringify([changed]));
    assert.equal(real.code, 0, real.stderr);
    const patch = iwy.requests.find((q) => q.method === 'PATCH')!;
    assert.deepEqual(Object.keys(patch.body as object), ['configuration']);
    assert.match(real.stdout, /agents: 0 created, 1 updated, 0 unchanged/);
  });

  it('list, get, delete; an unknown id exits 1 with iwy\'s answer in one line', async () => {
    const list = await runCli(['agents', 'list'], env);
    const [id] = list.stdout.trim().split(/\s+/);
    assert.match(list.stdout, /private\s+Support/);
    const json = await runCli(['tools', 'list', '--json'], env);
    assert.equal(JSON.parse(json.stdout).length, 2);
    const got = await runCli(['agents', 'get', id!], env);
    assert.equal(JSON.parse(got.stdout).name, 'Support');
    assert.equal((await runCli(['agents', 'delete', id!], env)).stdout.trim(), `- agent ${id} deleted`);
    const gone = await runCli(['agents', 'get', id!], env);
    assert.equal(gone.code, 1);
    assert.equal(gone.stderr.trim().split('\n').length, 1);
    assert.match(gone.stderr, /^iwy-agent: iwy answered 404 not-found: no agent/);
  });

  it('tools test prints the result; a failed webhook exits 1', async () => {
    const weather = [...iwy.tools.values()].find((x) => x.name === 'get_weather')!;
    const params = await file('params.json', { city: 'Oslo' });
    const ok = await runCli(['tools', 'test', String(weather.id), params], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout).request_sent.payload, { parameters: { city: 'Oslo' }, validate_only: false });
    iwy.fault = (_q, res) => (res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":false,"message":"webhook answered 500"}'), true);
    const failed = await runCli(['tools', 'test', String(weather.id), params], env);
    iwy.fault = undefined;
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /tool test failed: webhook answered 500/);
  });

  it('a wrong key exits 1, hints at IWY_API_KEY, and never prints the key', async () => {
    const r = await cli(['agents', 'list'], { ...env, IWY_API_KEY: 'sk_wrong_secret_value' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /iwy answered 401 unauthorized: bad key \(check IWY_API_KEY\)/);
    assert.ok(!(r.stdout + r.stderr).includes('sk_wrong_secret_value'));
  });

  it('bin/iwy-agent.js runs the CLI (built or through tsx)', async () => {
    const r = await cli(['agents', 'list', '--json'], env, undefined, ['bin/iwy-agent.js']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Array.isArray(JSON.parse(r.stdout)));
  });
});
