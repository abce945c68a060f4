// Bundles the CLI and the library, and writes the library's type declarations.
// One module to load starts in about half the time of ~200.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const nodeRequire = createRequire(import.meta.url);

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

/**
 * Built-in modules that cost milliseconds to load and that a plain `zjs check file.txt` never uses
 * (commander's subprocesses, file hashes and temporary names, the worker pool, ZIP reading,
 * cli-progress's cursor moves): in the command line they are loaded on the first use of a member.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = /^(node:)?(child_process|crypto|worker_threads|zlib|readline)$/;
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    // An ES module importing it copies its member names (as getters): they are listed here, from
    // the building Node, so that the copy does not load the module.
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `const keys = ${JSON.stringify(Object.keys(nodeRequire(`node:${args.path}`)))};
let m;
const load = () => (m ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => [...keys],
  getOwnPropertyDescriptor: (_, key) => (keys.includes(key) ? { configurable: true, enumerable: true, writable: true, value: undefined } : undefined),
});`,
    }));
  },
};

/**
 * The command line: one CommonJS script that bin/zjs.js compiles with a V8 code cache (Node 20 has
 * no compile cache for ES modules). Its first line names the build, so that a cache made for
 * another bundle is never used (V8 itself only compares the source's length).
 */
const cli = await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  write: false,
  outfile: 'dist/zjs.cjs',
  plugins: [lazyBuiltins],
  banner: { js: "const __zjsUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__zjsUrl' },
});
// A script compiled with a code cache loses V8's dynamic-import hook (and Node 20's replacement for
// it is experimental and warns): the heavy readers are imported by the launcher on the bundle's behalf.
const heavy = /\bimport\(("(?:pdfjs-dist|exceljs|iconv-lite)[^"]*")\)/g;
const cliText = cli.outputFiles[0].text.replace(heavy, '__zjsImport($1)');
if (/\bimport\(/.test(cliText)) {
  process.stderr.write('build: dist/zjs.cjs has a dynamic import the launcher does not provide\n');
  process.exit(1);
}
const buildId = createHash('sha256').update(cliText).digest('hex').slice(0, 16);
// A fresh clone has no dist/ yet: only esbuild's own writes would make it.
mkdirSync('dist', { recursive: true });
rmSync('dist/zjs.js', { force: true });
rmSync('dist/zjs.cache', { recursive: true, force: true });
writeFileSync('dist/zjs.cjs', `// zjs build ${buildId}\n${cliText}`);
// A worker of `zjs check --jobs N`: loading and checking only, started by dist/zjs.cjs from beside it.
await build({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' });
// The library (`import { check } from 'zjs'`): its own bundle, so that the CLI's start-up does not grow.
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });

writeFileSync('dist/builtin-catalog.json', `${precompiled}\n`);

// The code cache: made by checking the sample with each common report, so that the functions one
// document needs are compiled already. The launcher remakes it if the running Node rejects it.
// Without the sample (a copy without fixtures/), the first run makes the cache instead.
const sample = 'fixtures/zhuzhou-hrss-2023.txt';
for (const format of existsSync(sample) ? ['text', 'json'] : []) {
  const run = spawnSync(process.execPath, ['bin/zjs.js', 'check', sample, '-f', format], { stdio: 'ignore', env: { ...process.env, ZJS_WRITE_CODE_CACHE: '1' } });
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(`build: the sample check exited ${run.status} while making the code cache\n`);
    process.exit(1);
  }
}

rmSync('dist/types', { recursive: true, force: true });
const types = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
if (types.status !== 0) process.exit(types.status ?? 1);
