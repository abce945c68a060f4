import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of the repository, without declarations.
import { writeCity } from '../../scripts/city.js';

// The pool starts its workers from the built bundle (dist/worker.js), so it is tested through bin/zjs.js.
function zjs(...args: string[]) {
  return zjsWith({}, ...args);
}

function zjsWith(env: Record<string, string>, ...args: string[]) {
  if (!existsSync('dist/worker.js')) throw new Error('dist/worker.js is missing: run `npm run build` (npm test does)');
  // The json report of the batch is about 5 MB: past spawnSync's default 1 MB the child would be cut off.
  const r = spawnSync(process.execPath, ['bin/zjs.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'zjs-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const city = join(dir, 'city');
(writeCity as (n: number, d: string) => string[])(14, city);
// Unreadable files, texts passed over and every kind of document, beside the city.
const inputs = [city, 'fixtures/bad', 'fixtures/zhuzhou-hrss-2023.txt', 'fixtures/university'];

describe('zjs check --jobs', () => {
  it('writes, with two workers, the same bytes as in one thread: every streamed format, stderr and exit code', () => {
    for (const format of ['text', 'json', 'csv']) {
      const one = zjs('check', ...inputs, '-f', format, '--jobs', '1');
      const two = zjs('check', ...inputs, '-f', format, '--jobs', '2');
      // Exit 2: fixtures/bad holds unreadable files (a run cut off would have no exit code).
      expect(one.code).toBe(2);
      expect(two.code).toBe(one.code);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout.length).toBeGreaterThan(10_000);
    }
    expect(zjs('check', ...inputs, '--jobs', '1').stderr).toContain('fixtures/bad/binary.txt');
  }, 600_000);

  it('reconciles a set of documents in the pool as in one thread', () => {
    // Two budgets of one department a year apart (last year's with one planted difference), among
    // more documents than the pool's threshold.
    const previous = join(dir, 'budget-2023.txt');
    writeFileSync(previous, readFileSync('fixtures/budget/budget-2023.txt', 'utf8').replace('收入合计\t1,945.00', '收入合计\t1,955.00'));
    const set = [city, previous, 'fixtures/budget/budget-2024.txt'];
    const one = zjs('check', ...set, '--jobs', '1');
    const two = zjs('check', ...set, '--jobs', '2');
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/fixtures\/budget\/budget-2024\.txt:6 +错误 +set-budget-previous/);
    // Held in the temporary file after the first two, as the workers serialised them.
    const spilled = zjsWith({ ZJS_HELD_IN_MEMORY: '2' }, 'check', ...set, '--jobs', '2', '-f', 'json');
    expect(spilled.stdout).toBe(zjs('check', ...set, '--jobs', '1', '-f', 'json').stdout);
  }, 600_000);

  it('gives the same whole-batch reports (html, sarif) with three workers as with one', () => {
    for (const [format, ext] of [
      ['html', 'html'],
      ['sarif', 'sarif'],
    ]) {
      const one = join(dir, `one.${ext}`);
      const three = join(dir, `three.${ext}`);
      zjs('check', city, '-f', format ?? '', '-o', one, '--jobs', '1');
      zjs('check', city, '-f', format ?? '', '-o', three, '--jobs', '3');
      // The html cover is dated by the clock: everything after it must agree.
      const body = (file: string) => readFileSync(file, 'utf8').replace(/\d{4}-\d\d-\d\d[ T][\d:.]+( UTC|Z)/g, 'DATE');
      expect(body(three)).toBe(body(one));
    }
  }, 600_000);

  it('refuses a count that is not a whole number from 1', () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const r = zjs('check', 'fixtures/zhuzhou-hrss-2023.txt', '--jobs', bad);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
