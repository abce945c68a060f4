import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../report/support.js';

const dir = mkdtempSync(join(tmpdir(), 'zjs-bin-'));

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zjs(...args: string[]) {
  return spawnSync(process.execPath, ['bin/zjs.js', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('the bundled program', () => {
  it('keeps exceljs out of the bundle and loads it only for a workbook', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'zjs.cjs'), 'utf8');
    expect(bundle).toContain('__zjsImport("exceljs")');
    expect(bundle).not.toMatch(/JSZip/i);
  });

  it('writes several formats in one run, one of them to standard output', () => {
    const run = zjs('check', 'fixtures/zhuzhou-hrss-2023.txt', '-f', 'xlsx', '-o', join(dir, 'r.xlsx'), '-f', 'html', '-o', join(dir, 'r.html'), '-f', 'markdown');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('| 株洲市人力资源和社会保障局 | 2023 |');
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('rejects an unknown format with exit code 2', () => {
    const run = zjs('check', 'fixtures/zhuzhou-hrss-2023.txt', '-f', 'pdf');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("argument 'pdf' is invalid");
  });
});
