import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ExplainedCheck, ExplainedDocument } from '../../src/engine/explain.js';
import { run } from '../support/cli.js';
import { plant, readFixture } from '../support/fixtures.js';

const ZHUZHOU = 'fixtures/zhuzhou-hrss-2023.txt';
const ROLLUP = 'expense-rollup:expense/20801/total';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('schema/explain.schema.json', 'utf8')) as object);

async function explainJson(args: string[]): Promise<ExplainedDocument[]> {
  const r = await run(['explain', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const data: unknown = JSON.parse(r.stdout);
  expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return (data as { documents: ExplainedDocument[] }).documents;
}

const only = (docs: ExplainedDocument[]): ExplainedCheck => {
  expect(docs.flatMap((d) => d.checks)).toHaveLength(1);
  const check = docs[0]?.checks[0];
  if (!check) throw new Error('no check');
  return check;
};

// The Zhuzhou 20801 roll-up of the expenditure table: 4,800.69 printed, items summing to 4,800.70.
const TERMS: Array<[number, string]> = [
  [219, '4,800.69'],
  [220, '3,434.35'],
  [221, '670.77'],
  [222, '105.79'],
  [223, '200.35'],
  [224, '20.80'],
  [225, '11.84'],
  [226, '356.80'],
];

describe('zjs explain', () => {
  it('shows every cell of the 20801 roll-up with its line, the sum, the bound and the case', async () => {
    const r = await run(['explain', ZHUZHOU, '--finding', ROLLUP]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    for (const [line, printed] of TERMS) {
      const row = lines.find((l) => l.includes(`${ZHUZHOU}:${line} `));
      expect(row, `line ${line}`).toBeDefined();
      expect(row).toContain(printed);
      expect(row).toContain('本年支出合计');
    }
    expect(lines.find((l) => l.includes(`${ZHUZHOU}:219 `))).toMatch(/^\s+合计\s/);
    expect(lines.filter((l) => /^\s+分项\s+\+/.test(l))).toHaveLength(7);
    expect(r.stdout).toContain('[4,800.685, 4,800.695]');
    expect(r.stdout).toContain('各项之和：4,800.70（7 项），区间 [4,800.665, 4,800.735]');
    expect(r.stdout).toContain('差额：表列合计 − 各项之和 = -0.01');
    expect(r.stdout).toContain('容差：±0.04（每个印出值的半个末位之和：8 × 0.005）');
    expect(r.stdout).toContain('在尾数容差以内（尾数误差）：|差额| 0.01 ≤ 容差 0.04');
  });

  it('speaks English with --lang en', async () => {
    const r = await run(['explain', ZHUZHOU, '--finding', ROLLUP, '--lang', 'en']);
    expect(r.stdout).toContain('Sum of items: 4,800.70 (7 items), interval [4,800.665, 4,800.735]');
    expect(r.stdout).toContain('Case: within rounding: |difference| 0.01 ≤ tolerance 0.04, the intervals meet');
  });

  it('gives the same as JSON, in decimal strings', async () => {
    const check = only(await explainJson([ZHUZHOU, '--finding', ROLLUP]));
    expect(check).toMatchObject({ id: ROLLUP, status: 'rounding', case: 'rounding', relation: 'sum', difference: '-0.01', tolerance: '0.04' });
    expect(check.total).toEqual({ text: '4,800.69', value: '4800.69', low: '4800.685', high: '4800.695' });
    expect(check.sum).toEqual({ value: '4800.70', low: '4800.665', high: '4800.735', count: 7 });
    expect(check.halves).toEqual([{ half: '0.005', count: 8 }]);
    expect(check.terms.map((t) => [t.location.line, t.text, t.role, t.sign])).toEqual(TERMS.map(([line, text], i) => [line, text, i === 0 ? 'total' : 'item', 1]));
    expect(check.terms[1]).toMatchObject({ table: '支出决算表', row: '2080101 行政运行', column: '本年支出合计', location: { table: 'expense', row: '2080101', column: 'total', field: 3 } });
  });

  it('explains passes too: every check of a rule, or only some statuses', async () => {
    const all = (await explainJson([ZHUZHOU, '--rule', 'three-public-sum'])).flatMap((d) => d.checks);
    expect(all.map((c) => c.status).sort()).toEqual(['pass', 'pass', 'pass', 'skipped']);
    expect(all.find((c) => c.status === 'skipped')?.reason).toBe('表中缺少所需单元格');
    const passes = (await explainJson([ZHUZHOU, '--rule', 'expense-rollup', '--status', 'pass'])).flatMap((d) => d.checks);
    expect(passes.length).toBeGreaterThan(20);
    expect(passes.every((c) => c.case === 'exact' && c.difference === '0.00')).toBe(true);
  });

  it('shows a failure beyond the bound, and the value behind a 元 print', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-explain-'));
    try {
      const doc = join(dir, 'doc.txt');
      writeFileSync(doc, plant(readFixture('fixtures/synthetic/full-2024.txt'), 229, '520.40', '521.40'));
      const check = only(await explainJson([doc, '--finding', 'basic-rollup:301/amount']));
      expect(check).toMatchObject({ status: 'fail', case: 'beyond', difference: '-1.00' });
      const text = await run(['explain', doc, '--finding', 'basic-rollup:301/amount']);
      expect(text.stdout).toContain('超出尾数容差（不符）：|差额| 1.00 > 容差 0.07');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const yuan = only(await explainJson(['fixtures/synthetic/full-2024-yuan.txt', '--finding', 'cross-three-public-basic:30212/abroad']));
    expect(yuan).toMatchObject({ case: 'below', relation: 'not-exceed' });
    expect(yuan.terms[0]).toMatchObject({ text: '65,000.00', value: '6.50' });
  });

  it.each([
    { args: [ZHUZHOU], err: '--rule' },
    { args: [ZHUZHOU, '--rule', 'no-such-rule'], err: 'no-such-rule：没有这条规则' },
    { args: [ZHUZHOU, '--finding', 'expense-rollup:expense/99999/total'], err: '没有符合条件的检查' },
    { args: ['fixtures/no-such-file.txt', '--rule', 'expense-rollup'], err: '文件或文件夹不存在' },
  ])('exits 2 with one line: $args', async ({ args, err }) => {
    const r = await run(['explain', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(err);
  });

  it('rejects an unknown status as a usage error', async () => {
    expect((await run(['explain', ZHUZHOU, '--rule', 'expense-rollup', '--status', 'ok'])).code).toBe(2);
  });
});
