import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { explainSimulatorLoadError } from '../../src/cli/simulate.js';
import { MissingDependencyError } from '../../src/simulator/index.js';

const root = join(import.meta.dirname, '../..');
const notFound = (pkg: string) =>
  Object.assign(new Error(`Cannot find package '${pkg}' imported from /app/node_modules/iwy-agent/dist/lib/simulator/index.js`), {
    code: 'ERR_MODULE_NOT_FOUND',
  });

describe('iwy-agent simulate', () => {
  it('says exactly what to npm install when a simulator package is missing', () => {
    const both = explainSimulatorLoadError(notFound('@roamhq/wrtc'), () => false);
    assert.match(both!, /needs @roamhq\/wrtc and better-sqlite3, which are not installed/);
    assert.match(both!, /^ {2}npm install --save-dev @roamhq\/wrtc@\^0\.10\.0 better-sqlite3@\^12$/m);
    const one = explainSimulatorLoadError(notFound('better-sqlite3'), (name) => name === '@roamhq/wrtc');
    assert.match(one!, /^ {2}npm install --save-dev better-sqlite3@\^12$/m);
    assert.doesNotMatch(one!, /wrtc@/);
    // What the simulator itself throws when it starts without a package.
    const fromSimulator = explainSimulatorLoadError(new MissingDependencyError('better-sqlite3@12'), (name) => name !== 'better-sqlite3');
    assert.match(fromSimulator!, /^ {2}npm install --save-dev better-sqlite3@\^12$/m);
  });

  it('suggests a rebuild when the packages are there but their native module will not load', () => {
    const error = new Error("The module '/x/better-sqlite3/build/Release/better_sqlite3.node' was compiled against NODE_MODULE_VERSION 127");
    assert.match(explainSimulatorLoadError(error, () => true)!, /npm rebuild @roamhq\/wrtc better-sqlite3/);
  });

  it('leaves other failures alone', () => {
    assert.equal(explainSimulatorLoadError(new Error('EADDRINUSE 127.0.0.1:4010'), () => false), undefined);
  });

  it('starts the simulator, prints its URL and dev key, and stops on SIGINT', { skip: !existsSync(join(root, 'src/simulator/index.ts')) && 'no simulator in this tree yet', timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', '--port', '0', '--api-key', 'sk_dev_cli_test'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          const m = /listening on (\S+)/.exec(out);
          if (m && /development API key: (\S+)/.test(out)) resolve(m[1]!);
        });
        void exited.then(() => reject(new Error(`simulate exited early: ${out}${err}`)));
      });
      assert.match(out, /development API key: sk_dev_cli_test/);
      const agents = await fetch(`${url.replace(/\/$/, '')}/agent`, { headers: { authorization: 'Bearer sk_dev_cli_test' } });
      assert.equal(agents.status, 200);
      await agents.body?.cancel();
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, err);
  });
});
