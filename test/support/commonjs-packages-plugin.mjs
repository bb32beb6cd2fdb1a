import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A wtr/wds plugin that serves chosen CommonJS packages as ES modules.
 *
 * Pipecat's browser bundles import `events` and `lodash/cloneDeep`, which are CommonJS: vite converts
 * them in the build, but wtr serves files as they are and the browser rejects them. Rollup's commonjs
 * plugin does not work under wds (it needs rollup's own module loader), so each such file is bundled
 * here with esbuild, and its named exports are read by loading it in Node (static analysis misses
 * `EventEmitter.EventEmitter = EventEmitter`). Only the listed packages are loaded in Node.
 *
 * @param {string[]} packages package names whose files are CommonJS
 */
export function commonjsPackagesPlugin(packages) {
  const require = createRequire(import.meta.url);
  const marks = packages.map((name) => `${path.sep}node_modules${path.sep}${name}${path.sep}`);
  let rootDir = process.cwd();
  return {
    name: 'iwy-commonjs-packages',
    serverStart({ config }) {
      rootDir = config.rootDir;
    },
    async transform(context) {
      if (!context.path.endsWith('.js')) return undefined;
      const file = path.join(rootDir, decodeURIComponent(context.path));
      if (!marks.some((mark) => file.includes(mark))) return undefined;
      const names = Object.keys(require(file)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      const entry = [
        `import m from ${JSON.stringify(file)};`,
        'export default m;',
        names.length ? `export const { ${names.join(', ')} } = m;` : '',
      ].join('\n');
      const out = await build({
        stdin: { contents: entry, resolveDir: path.dirname(file), sourcefile: 'entry.js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      return { body: out.outputFiles[0].text };
    },
  };
}
