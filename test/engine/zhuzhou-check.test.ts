import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { checkText, readFixture, ZHUZHOU } from '../support/fixtures.js';

const doc = checkText(readFixture(ZHUZHOU));
const tableRules = new Set(RULES.filter((r) => r.meta.tags.includes('table') || r.meta.tags.includes('cross-table')).map((r) => r.meta.id));

describe('zjs check on the Zhuzhou 2023 disclosure', () => {
  it('finds all nine tables', () => {
    expect(doc.tables.filter((t) => t.found)).toHaveLength(9);
  });

  it('reports no error from any table or cross-table rule', () => {
    const errors = doc.findings.filter((f) => f.severity === 'error' && tableRules.has(f.rule));
    expect(errors.map((f) => f.message)).toEqual([]);
  });

  it('runs hundreds of checks and passes nearly all of them exactly', () => {
    expect(doc.checks.run).toBeGreaterThan(500);
    expect(doc.checks.failed).toBe(doc.findings.filter((f) => f.status === 'fail').length);
  });

  const note = (rule: string, id: string) => doc.findings.find((f) => f.rule === rule && f.id === `${rule}:${id}`);
  it.each([
    ['expense-rollup', 'expense/20801/total', '4800.69', '4800.70', '0.04'],
    ['income-rollup', 'income/20801/total', '4800.69', '4800.70', '0.04'],
    ['expense-rollup', 'expense/20807/total', '1672.47', '1672.46', '0.04'],
    ['expense-row-sum', 'expense/2080102/total', '670.77', '670.76', '0.03'],
    ['general-budget-row-sum', 'general-budget-expense/2080102/total', '670.77', '670.76', '0.015'],
    ['expense-rollup', 'expense/total/project', '3794.69', '3794.68', '0.035'],
    ['general-budget-rollup', 'general-budget-expense/total/project', '3794.69', '3794.68', '0.035'],
    ['basic-rollup', '302/amount', '1051.24', '1051.22', '0.14'],
  ])('reports %s %s as a rounding note with its bound', (rule, id, actual, expected, tolerance) => {
    const f = note(rule, id);
    expect(f, `${rule}:${id}`).toBeDefined();
    expect(f).toMatchObject({ severity: 'info', status: 'rounding', actual, expected, tolerance });
    expect(f?.message).toContain('尾数误差');
  });

  it('has only 0.01–0.02 differences among its rounding notes', () => {
    const notes = doc.findings.filter((f) => f.status === 'rounding');
    expect(notes.length).toBeGreaterThan(10);
    for (const f of notes) expect(['0.01', '-0.01', '0.02', '-0.02']).toContain(f.difference);
  });

  it('turns rounding notes into errors with --tolerance exact', () => {
    const exact = checkText(readFixture(ZHUZHOU), ZHUZHOU, { tolerance: 'exact' });
    expect(exact.findings.filter((f) => f.status === 'rounding' && f.severity === 'error')).toHaveLength(
      doc.findings.filter((f) => f.status === 'rounding').length,
    );
    expect(exact.outcome).toBe('fail');
  });
});
