import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFolderAtomic } from '../../src/cli/atomic-write.js';
import { run } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'zjs-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TEMPORARY = /\.tmp$/;
const files = (names: string[]) => names.map((name, i) => ({ name, text: `file ${i}\r\n` }));

function zjs(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['bin/zjs.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('no half-written output', () => {
  it('leaves one complete report when 20 runs write the same -o at once, and a reader never sees a partial one', async () => {
    if (!existsSync('dist/zjs.cjs')) throw new Error('dist/zjs.cjs is missing: run `npm run build` (npm test does)');
    const dir = join(root, 'concurrent');
    mkdirSync(dir);
    const out = join(dir, 'report.json');
    // Reports of two sizes: a torn write shows as a mix of both, or as a truncated file.
    const inputs = [['fixtures/zhuzhou-hrss-2023.txt', 'fixtures/synthetic'], ['fixtures/synthetic']];
    const runs = Promise.all(Array.from({ length: 20 }, (_, i) => zjs(['check', ...(inputs[i % 2] ?? []), '-f', 'json', '-o', out])));
    let finished = false;
    void runs.then(() => {
      finished = true;
    });
    const partial: string[] = [];
    let seen = 0;
    while (!finished) {
      await new Promise((r) => setTimeout(r, 2));
      let text: string;
      try {
        text = readFileSync(out, 'utf8');
      } catch {
        continue;
      }
      seen++;
      try {
        JSON.parse(text);
      } catch {
        partial.push(`${text.length} bytes`);
      }
    }
    // The Zhuzhou sample has errors (exit 1); the synthetic documents are clean (exit 0).
    for (const [i, r] of (await runs).entries()) expect(r.code, r.stderr).toBe(i % 2 === 0 ? 1 : 0);
    expect(seen).toBeGreaterThan(0);
    expect(partial).toEqual([]);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { summary: { documents: number } };
    expect([3, 2]).toContain(report.summary.documents);
    expect(readdirSync(dir)).toEqual(['report.json']);
  }, 300_000);

  it('replaces a file in one step, keeping its permissions, and leaves no temporary file when it cannot write', async () => {
    const dir = join(root, 'file');
    mkdirSync(dir);
    const target = join(dir, 'baseline.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow();
    mkdirSync(join(dir, 'occupied'));
    await expect(writeFileAtomic(join(dir, 'occupied'), 'x')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['baseline.json', 'occupied']);
  });

  it('writes a new folder whole or not at all: failing at the fifth file leaves no folder, no parent it made, no temporary', async () => {
    const parent = join(root, 'new-parent');
    const target = join(parent, 'deeper', 'out');
    // A NUL byte in a name makes the fifth write fail, after four files are written.
    const failing = files(['01.csv', '02.csv', '03.csv', '04.csv', 'bad\u0000.csv', '06.csv']);
    await expect(writeFolderAtomic(target, failing)).rejects.toThrow();
    expect(existsSync(parent)).toBe(false);
    mkdirSync(parent);
    await expect(writeFolderAtomic(join(parent, 'out'), failing)).rejects.toThrow();
    expect(readdirSync(parent)).toEqual([]);
    await writeFolderAtomic(join(parent, 'out'), files(['01.csv', '02.csv']));
    expect(readdirSync(join(parent, 'out'))).toEqual(['01.csv', '02.csv']);
  });

  it('replaces files of an existing folder only once every one is written', async () => {
    const target = join(root, 'existing');
    mkdirSync(target);
    writeFileSync(join(target, '01.csv'), 'kept');
    writeFileSync(join(target, 'notes.pdf'), 'other');
    await expect(writeFolderAtomic(target, files(['01.csv', '02.csv', '03.csv', '04.csv', 'bad\u0000.csv']))).rejects.toThrow();
    expect(readdirSync(target).sort()).toEqual(['01.csv', 'notes.pdf']);
    expect(readFileSync(join(target, '01.csv'), 'utf8')).toBe('kept');
    await writeFolderAtomic(target, files(['01.csv', '02.csv']));
    expect(readFileSync(join(target, '01.csv'), 'utf8')).toBe('file 0\r\n');
    expect(readdirSync(target).filter((n) => TEMPORARY.test(n))).toEqual([]);
  });

  it('import refuses, before writing anything, a folder where a file to replace is a folder', async () => {
    const out = join(root, 'import');
    mkdirSync(join(out, '03-支出决算表.csv'), { recursive: true });
    writeFileSync(join(out, '01-收入支出决算总表.csv'), 'kept');
    const r = await run(['import', 'fixtures/zhuzhou-hrss-2023.txt', '--out', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('03-支出决算表.csv: 已存在且不是普通文件');
    expect(readdirSync(out).sort()).toEqual(['01-收入支出决算总表.csv', '03-支出决算表.csv']);
    expect(readFileSync(join(out, '01-收入支出决算总表.csv'), 'utf8')).toBe('kept');
  });
});
