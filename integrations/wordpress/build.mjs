#!/usr/bin/env node
// Copies the script-tag build (dist/iwy-agent.js and its lazy chunks) into the plugin's assets/,
// which is what the plugin serves. Run after `npm run build`; assets/ is not committed.
//   node integrations/wordpress/build.mjs [--dist <dir>] [--out <dir>]
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: resolve(here, '../../dist') },
    out: { type: 'string', default: join(here, 'assets') },
  },
});
const dist = resolve(values.dist);
const out = resolve(values.out);

const exists = (path) => stat(path).then(() => true, () => false);
if (!(await exists(join(dist, 'iwy-agent.js')))) {
  console.error(`${join(dist, 'iwy-agent.js')} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// Start clean so chunks of an older build (hashed names) do not pile up.
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const noMaps = (src) => !src.endsWith('.map');
await cp(join(dist, 'iwy-agent.js'), join(out, 'iwy-agent.js'));
if (await exists(join(dist, 'chunks'))) {
  await cp(join(dist, 'chunks'), join(out, 'chunks'), { recursive: true, filter: noMaps });
}
console.log(`iwy-agent plugin assets: ${dist} → ${out}`);
