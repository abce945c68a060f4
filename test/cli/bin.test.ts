import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function zjs(...args: string[]) {
  if (!existsSync('dist/zjs.cjs')) throw new Error('dist/zjs.cjs is missing: run `npm run build` (npm test does)');
  const r = spawnSync(process.execPath, ['bin/zjs.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the real bin/zjs.js', () => {
  it('checks the bundled sample: its narrative misstates one item, so exit 1', () => {
    const r = zjs('check', 'fixtures/zhuzhou-hrss-2023.txt');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('株洲市人力资源和社会保障局');
    expect(r.stdout).toContain('632.11');
  });

  it('exits 0 on a consistent document', () => {
    expect(zjs('check', 'fixtures/synthetic/full-2024.txt').code).toBe(0);
  });

  it('exits 1 on error findings', () => {
    expect(zjs('check', 'fixtures/bad/non-numeric').code).toBe(1);
  });

  it('exits 2 with one line and no stack trace on bad input', () => {
    for (const path of ['fixtures/bad/binary.txt', 'missing.txt', 'fixtures/bad/ragged-csv']) {
      const r = zjs('check', path);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('lists the rules and explains a check', () => {
    const rules = zjs('rules', '--format', 'json');
    expect(rules.code).toBe(0);
    expect((JSON.parse(rules.stdout) as unknown[]).length).toBeGreaterThan(20);
    const explain = zjs('explain', 'fixtures/zhuzhou-hrss-2023.txt', '--finding', 'expense-rollup:expense/20801/total', '--lang', 'en');
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('within rounding');
  });

  it('reads a workbook (exceljs loaded on demand) and imports it as a CSV folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-bin-'));
    try {
      const r = zjs('check', 'fixtures/zhuzhou-hrss-2023.xlsx', '--verbose');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('zhuzhou-hrss-2023.xlsx#支出决算表');
      const out = join(dir, 'out');
      const imported = zjs('import', 'fixtures/zhuzhou-hrss-2023.xlsx', '--out', out);
      expect(imported.code, imported.stderr).toBe(0);
      expect(readdirSync(out)).toHaveLength(10);
      expect(zjs('check', out).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error', () => {
    expect(zjs('check', '--format', 'yaml', 'x').code).toBe(2);
    expect(zjs().code).toBe(2);
  });
});
