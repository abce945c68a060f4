import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'zjs-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `bin/zjs.js ARGS | READER` in bash; returns zjs's exit code and its standard error. */
function piped(args: string, reader: string): { code: number; stderr: string } {
  if (!existsSync('dist/zjs.cjs')) throw new Error('dist/zjs.cjs is missing: run `npm run build` (npm test does)');
  const err = join(dir, `err-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/zjs.js ${args} 2>"${err}" | ${reader} >/dev/null; echo "\${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  return { code: Number(r.stdout.trim()), stderr: readFileSync(err, 'utf8') };
}

describe('a reader that closes early (`zjs check … | head`)', () => {
  // Well over a pipe's 64 KiB buffer (JSON: 150 KB a copy; text: 30 KB): zjs is still writing when head leaves.
  const copies = (n: number) => Array.from({ length: n }, () => 'fixtures/zhuzhou-hrss-2023.txt').join(' ');

  it('ends quietly with the exit code of the complete output (1: the sample has errors)', () => {
    const full = piped(`check ${copies(2)} -f json`, 'cat');
    expect(full.code).toBe(1);
    const cut = piped(`check ${copies(2)} -f json`, 'head -c 1');
    expect(cut.stderr).toBe('');
    expect(cut.code).toBe(1);
  });

  it('does the same for the text report and for explain', () => {
    const text = piped(`check ${copies(5)}`, 'head -n 1');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    const explain = piped('explain fixtures/zhuzhou-hrss-2023.txt --rule expense-rollup --format json', 'head -c 1');
    expect(explain.stderr).toBe('');
    expect(explain.code).toBe(0);
  });
});
