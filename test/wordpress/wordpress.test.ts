// The WordPress plugin: its PHP suite (run with Debian's php-cli), the block editor script against
// stand-ins for WordPress's globals, and the build step that copies the widget into the plugin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = fileURLToPath(new URL('../../', import.meta.url));
const plugin = join(root, 'integrations/wordpress');
const hasPhp = spawnSync('php', ['--version']).status === 0;

test(
  'PHP suite: shortcode, block, settings and session route against stubbed WordPress',
  { skip: hasPhp ? false : 'php is not installed: apt-get install -y php-cli' },
  () => {
    const run = spawnSync('php', [join(root, 'test/wordpress/run.php')], { encoding: 'utf8', timeout: 60_000 });
    const summary = /^wordpress: (\d+) passed, (\d+) failed$/m.exec(run.stdout);
    assert.ok(summary, `no summary line in:\n${run.stdout}${run.stderr}`);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(summary[2], '0', run.stdout);
    assert.ok(Number(summary[1]) >= 20, `only ${summary[1]} PHP tests ran`);
  },
);

interface Node {
  type: unknown;
  props: Record<string, unknown> | null;
  children: Node[];
}

test('block editor script registers the block.json block with its attributes, and saves nothing', async () => {
  const metadata = JSON.parse(await readFile(join(plugin, 'block/block.json'), 'utf8'));
  const registered: Array<{ name: string; settings: Record<string, any> }> = [];
  const wp = {
    blocks: { registerBlockType: (name: string, settings: Record<string, any>) => registered.push({ name, settings }) },
    element: {
      createElement: (type: unknown, props: Record<string, unknown> | null, ...children: Node[]): Node => ({
        type,
        props,
        children,
      }),
    },
    blockEditor: { InspectorControls: 'InspectorControls', useBlockProps: () => ({ className: 'wp-block' }) },
    components: { PanelBody: 'PanelBody', TextControl: 'TextControl', SelectControl: 'SelectControl', Placeholder: 'Placeholder' },
    i18n: { __: (text: string) => text },
  };
  vm.runInNewContext(await readFile(join(plugin, 'block/editor.js'), 'utf8'), { window: { wp } });

  assert.equal(registered.length, 1);
  assert.equal(registered[0].name, metadata.name);
  const { edit, save } = registered[0].settings;
  assert.equal(save(), null, 'a dynamic block stores only its attributes');

  const changes: Array<Record<string, unknown>> = [];
  const tree: Node = edit({ attributes: { agentId: 'demo', mode: '', lang: '' }, setAttributes: (a: object) => changes.push({ ...a }) });
  const controls: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === 'TextControl' || n.type === 'SelectControl') controls.push(n);
    n.children.filter((c) => c && typeof c === 'object').forEach(walk);
  };
  walk(tree);
  assert.equal(controls.length, 3);
  controls.forEach((c, i) => (c.props!.onChange as (v: string) => void)(`v${i}`));
  assert.deepEqual(changes, [{ agentId: 'v0' }, { mode: 'v1' }, { lang: 'v2' }]);
  assert.deepEqual(
    changes.map((c) => Object.keys(c)[0]),
    Object.keys(metadata.attributes),
    'the editor edits exactly the attributes block.json declares',
  );
  // Array.from: the options array comes from the vm realm, whose prototypes deepEqual tells apart.
  const modes = Array.from(controls[1].props!.options as Array<{ value: string }>, (o) => o.value);
  assert.deepEqual(modes, metadata.attributes.mode.enum);
});

test('build.mjs copies the script-tag build into assets/, without source maps or stale chunks', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'iwy-wp-build-'));
  try {
    const dist = join(tmp, 'dist');
    const out = join(tmp, 'assets');
    await mkdir(join(dist, 'chunks'), { recursive: true });
    await mkdir(join(out, 'chunks'), { recursive: true });
    await writeFile(join(dist, 'iwy-agent.js'), 'export {};');
    await writeFile(join(dist, 'iwy-agent.js.map'), '{}');
    await writeFile(join(dist, 'chunks/daily-abc.js'), 'export {};');
    await writeFile(join(dist, 'chunks/daily-abc.js.map'), '{}');
    await writeFile(join(out, 'chunks/daily-old.js'), 'stale');

    const build = (args: string[]) =>
      spawnSync(process.execPath, [join(plugin, 'build.mjs'), ...args], { encoding: 'utf8', timeout: 30_000 });
    const ok = build(['--dist', dist, '--out', out]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual((await readdir(out)).sort(), ['chunks', 'iwy-agent.js']);
    assert.deepEqual(await readdir(join(out, 'chunks')), ['daily-abc.js']);

    const missing = build(['--dist', join(tmp, 'nowhere'), '--out', out]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /npm run build/);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
