// Bundles the CLI and the library, and writes the library's type declarations.
// One module to load starts in about half the time of ~200.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * The built-in catalog compiled now, so that a run parses no formula at start-up: the sources'
 * `builtinPrecompiled()` bundled alone and run once. dist/builtin-catalog.json keeps the same
 * text, for the test that compares it with a fresh compile.
 */
async function builtinPrecompiled() {
  const dir = mkdtempSync(join(tmpdir(), 'zjs-build-'));
  try {
    const outfile = join(dir, 'builtin.mjs');
    await build({ bundle: true, platform: 'node', target: 'node20', format: 'esm', entryPoints: ['src/templates/builtin.ts'], outfile, logLevel: 'warning' });
    const { builtinPrecompiled } = await import(pathToFileURL(outfile).href);
    return JSON.stringify(builtinPrecompiled());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const precompiled = await builtinPrecompiled();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // jsonc-parser's `main` is a UMD build whose dynamic requires a bundle cannot follow; its ESM build can.
  mainFields: ['module', 'main'],
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  // Heavy readers load only when a PDF, a workbook or a non-UTF-8 file is given.
  external: ['pdfjs-dist', 'exceljs', 'iconv-lite'],
  banner: { js: "import { createRequire as __zjsRequire } from 'node:module'; const require = __zjsRequire(import.meta.url);" },
  logLevel: 'warning',
  define: { __ZJS_BUILTIN_PRECOMPILED__: JSON.stringify(precompiled) },
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/zjs.js' });
// A worker of `zjs check --jobs N`: loading and checking only, started by dist/zjs.js from beside it.
await build({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' });
// The library (`import { check } from 'zjs'`): its own bundle, so that the CLI's start-up does not grow.
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });

writeFileSync('dist/builtin-catalog.json', `${precompiled}\n`);

rmSync('dist/types', { recursive: true, force: true });
const types = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
if (types.status !== 0) process.exit(types.status ?? 1);
