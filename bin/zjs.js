#!/usr/bin/env node
// Thin launcher: the bundled program decides the exit code; only a real bug prints a stack.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/zjs.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('zjs: dist/zjs.js is missing; run `npm ci` (or `npm run build`) first\n');
  process.exitCode = 2;
} else {
  const { main, processIo } = await import(bundle.href);
  try {
    process.exitCode = await main(process.argv.slice(2), processIo());
  } catch (error) {
    process.stderr.write(`zjs: internal error (a bug; please report it with the input that caused it)\n${error?.stack ?? error}\n`);
    process.exitCode = 2;
  }
}
