#!/usr/bin/env node
// Thin launcher: the bundled program decides the exit code; only a real bug prints a stack.
//
// The program (dist/zjs.cjs, one CommonJS script) is compiled through a V8 code cache,
// dist/zjs.cache, made by the build: compiling the bundle is the largest part of start-up, and
// Node 20 caches no ES module. The cache changes no output: a missing, stale, rejected or unreadable
// one only costs the compile, and a directory that cannot be written is left as it is.
// This file is CommonJS (bin/package.json): an ES module entry costs Node's module loader.
'use strict';
const { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } = require('node:fs');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'zjs.cjs');
const cacheFile = join(__dirname, '..', 'dist', 'zjs.cache');

/** The bundle's build id, from its first line (`// zjs build <id>`); the cache starts with the same line. */
function buildLine(code) {
  const end = code.indexOf('\n');
  return end > 0 && code.startsWith('// zjs build ') ? code.slice(0, end + 1) : undefined;
}

function readCache(line) {
  try {
    const data = readFileSync(cacheFile);
    const header = Buffer.from(line);
    return data.subarray(0, header.length).equals(header) ? data.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache beside the bundle, whole or not at all; any failure leaves things as they were. */
function writeCache(script, line) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  let fd;
  try {
    fd = openSync(temporary, 'wx');
  } catch {
    return;
  }
  try {
    writeSync(fd, line);
    writeSync(fd, script.createCachedData());
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, cacheFile);
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
  }
}

function load(code) {
  const line = buildLine(code);
  const cachedData = line ? readCache(line) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __zjsImport) {${code}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const program = { exports: {} };
  // The heavy readers (pdf.js, ExcelJS, iconv-lite), imported from here: see scripts/build.js.
  const importHeavy = (specifier) => import(specifier);
  script.runInThisContext()(program.exports, require, program, bundle, dirname(bundle), importHeavy);
  const remake = line !== undefined && (process.env.ZJS_WRITE_CODE_CACHE === '1' || cachedData === undefined || script.cachedDataRejected === true);
  return { program: program.exports, done: () => remake && writeCache(script, line) };
}

async function run() {
  if (!existsSync(bundle)) {
    process.stderr.write('zjs: dist/zjs.cjs is missing; run `npm ci` (or `npm run build`) first\n');
    process.exitCode = 2;
    return;
  }
  const { program, done } = load(readFileSync(bundle, 'utf8'));
  try {
    process.exitCode = await program.main(process.argv.slice(2), program.processIo());
  } catch (error) {
    process.stderr.write(`zjs: internal error (a bug; please report it with the input that caused it)\n${error?.stack ?? error}\n`);
    process.exitCode = 2;
  }
  done();
}

run();
