#!/usr/bin/env node
// The published package runs the built CLI; a checkout without a build runs the TypeScript through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/lib/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('iwy-agent: not built and tsx is not installed; run "npm run build" first\n');
    process.exit(2);
  }
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
