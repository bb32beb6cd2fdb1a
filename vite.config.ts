import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

// Three builds from one config:
//  - default:      ESM library for bundler users (dependencies stay external) + Node entries
//  - script-tag:   dist/iwy-agent.js, self-contained; transports split into lazy chunks that load
//                  relative to the script's own URL, so any page on any origin can use it.
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig(({ mode }) => {
  if (mode === 'script-tag') {
    return {
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        // Library mode leaves ES output unminified (for bundlers); this build goes straight to browsers.
        minify: true,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'iwy-agent.js' },
        rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
      },
    };
  }
  return {
    build: {
      outDir: 'dist/lib',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: {
        entry: {
          index: 'src/index.ts',
          'server/index': 'src/server/index.ts',
          'server/fetch': 'src/server/fetch.ts',
          'simulator/index': 'src/simulator/index.ts',
          cli: 'src/cli/main.ts',
          'react/index': 'src/react/index.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
