// Estimate of the first-load script size: src/index.ts bundled and minified by esbuild, with the
// lazy chunks split off; prints gzip bytes of the entry. (The real figure comes from `npm run bench`.)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2022', write: false, outdir: '/tmp/iwy-est', metafile: true, tsconfig: 'tsconfig.json' });
// First load = the entry plus the chunks it imports statically.
const first = new Set(['/tmp/iwy-est/index.js']);
for (const [k, v] of Object.entries(r.metafile.outputs)) if (k.endsWith('index.js')) for (const i of v.imports) if (i.kind === 'import-statement') first.add('/tmp/iwy-est/' + i.path.split('/').pop());
let total = 0;
for (const f of r.outputFiles) if (first.has(f.path)) total += gzipSync(f.contents, { level: 9 }).length;
console.log('first load, minified, gzip bytes:', total, [...first].map((f) => f.split('/').pop()).join(' '));
const by = {};
for (const [k, v] of Object.entries(r.metafile.outputs).filter(([o]) => first.has('/tmp/iwy-est/' + o.split('/').pop())).flatMap(([, o]) => Object.entries(o.inputs))) { const g = k.includes('node_modules/') ? k.split('node_modules/')[1].split('/').slice(0, k.includes('@') ? 2 : 1).join('/') : k; by[g] = (by[g] ?? 0) + v.bytesInOutput; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v}\t${k}`).join('\n'));
