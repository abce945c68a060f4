import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A copy of the launcher and the bundle, so that its code cache can be removed, spoilt or made unwritable.
const root = mkdtempSync(join(tmpdir(), 'zjs-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cache = join(root, 'dist', 'zjs.cache');
const sample = resolve('fixtures/zhuzhou-hrss-2023.txt');

function setUp() {
  if (!existsSync('dist/zjs.cjs')) throw new Error('dist/zjs.cjs is missing: run `npm run build` (npm test does)');
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  copyFileSync('bin/zjs.js', join(root, 'bin', 'zjs.js'));
  copyFileSync('bin/package.json', join(root, 'bin', 'package.json'));
  copyFileSync('dist/zjs.cjs', join(root, 'dist', 'zjs.cjs'));
  copyFileSync('package.json', join(root, 'package.json'));
}

function zjs(bin: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ZJS_WRITE_CODE_CACHE: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the code cache of the launcher', () => {
  setUp();
  const expected = zjs('bin/zjs.js', 'check', sample, '-f', 'json');
  const copy = () => zjs(join(root, 'bin', 'zjs.js'), 'check', sample, '-f', 'json');

  it('is made when missing, names its build, and changes no output', () => {
    rmSync(cache, { recursive: true, force: true });
    expect(copy()).toEqual(expected);
    expect(readFileSync(cache).subarray(0, 13).toString()).toBe('// zjs build ');
    expect(readFileSync(cache).subarray(0, 30)).toEqual(readFileSync(join(root, 'dist', 'zjs.cjs')).subarray(0, 30));
    expect(copy()).toEqual(expected);
  });

  it('is remade when V8 rejects it, with the same output', () => {
    const header = readFileSync(join(root, 'dist', 'zjs.cjs'), 'utf8').split('\n')[0];
    const spoilt = Buffer.concat([Buffer.from(`${header}\n`), Buffer.alloc(4096, 7)]);
    writeFileSync(cache, spoilt);
    expect(copy()).toEqual(expected);
    expect(readFileSync(cache).equals(spoilt)).toBe(false);
  });

  it('is not used for another build', () => {
    writeFileSync(cache, Buffer.concat([Buffer.from('// zjs build 0000000000000000\n'), Buffer.alloc(4096, 7)]));
    expect(copy()).toEqual(expected);
  });

  it('is left alone, with the same output, where it cannot be written', () => {
    rmSync(cache, { force: true });
    mkdirSync(cache);
    expect(copy()).toEqual(expected);
    expect(statSync(cache).isDirectory()).toBe(true);
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['zjs.cache', 'zjs.cjs']);
  });
});
