#!/usr/bin/env node
/** The `iwy-agent` command: agents and tools as code, and the local simulator. See usage.ts. */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
