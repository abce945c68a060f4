import { expect, it } from 'vitest';
import type { CheckStatus, Severity } from '../../src/model/finding.js';
import { checkText, plant, readFixture } from './fixtures.js';

export const SYNTHETIC = 'fixtures/synthetic/full-2024.txt';
export const SYNTHETIC_YUAN = 'fixtures/synthetic/full-2024-yuan.txt';
export const ZHUZHOU_TEXT = 'fixtures/zhuzhou-hrss-2023.txt';
/** A generated 部门预算 of 示例市示例局, 2023 and 2024 (scripts/fixtures/budget.mjs). */
export const BUDGET_2023 = 'fixtures/budget/budget-2023.txt';
export const BUDGET_2024 = 'fixtures/budget/budget-2024.txt';
export const BUDGETS = [BUDGET_2023, BUDGET_2024];
/** A generated central 高校 four-table 决算 (scripts/fixtures/university.mjs). */
export const UNIVERSITY = 'fixtures/university/university-2023.txt';

/** One planted error: on `line` of `file`, `from` becomes `to`; `rule` must then report it there. */
export interface Planted {
  file: string;
  line: number;
  from: string;
  to: string;
  /** Tab-separated field holding `from` (1-based), when the line has the same text twice. */
  field?: number;
  status?: Exclude<CheckStatus, 'pass'>;
  severity?: Severity;
}

/**
 * Corrections: on `line`, `from` becomes `to` (the right value); the rule must then report no
 * failure on that line. With a planted error beside it, a test shows both sides of a claim.
 */
export function correctedValues(rule: string, cases: readonly Planted[]): void {
  it.each(cases.map((c) => ({ ...c, label: `${c.file}:${c.line} ${c.from} → ${c.to}` })))(`${rule}: accepts the right value $label`, (c) => {
    const before = checkText(readFixture(c.file), c.file).findings.filter((f) => f.rule === rule && f.status === 'fail' && f.locations[0]?.line === c.line);
    const after = checkText(plant(readFixture(c.file), c.line, c.from, c.to, c.field), c.file).findings.filter(
      (f) => f.rule === rule && f.status === 'fail' && f.locations[0]?.line === c.line,
    );
    expect(after.map((f) => f.message)).toEqual([]);
    void before;
  });
}

/**
 * One misprint, one error: a figure planted so that it misstates its table cell is reported by
 * narrative-amount, and `rule`'s rate, which still recomputes from the table's value, adds no
 * second error on that line.
 */
export function misprintReportedOnce(rule: string, c: Planted & { expected: string }): void {
  it(`${rule}: ${c.file}:${c.line} ${c.from} → ${c.to} is one narrative-amount error, not also a ${rule} one`, () => {
    const doc = checkText(plant(readFixture(c.file), c.line, c.from, c.to, c.field), c.file);
    const at = doc.findings.filter((f) => f.severity === 'error' && f.locations.some((l) => l.line === c.line));
    expect(at.map((f) => f.rule)).toEqual(['narrative-amount']);
    expect(at[0]?.expected).toBe(c.expected);
    expect(doc.findings.filter((f) => f.rule === rule && f.status === 'fail' && f.locations.some((l) => l.line === c.line))).toEqual([]);
  });
}

/**
 * The planted-error table of a rule: clean fixtures give the rule no failure, and each planted
 * change gives a finding of the rule located on the planted line.
 */
export function plantedErrors(rule: string, cases: readonly Planted[], clean: readonly string[] = [SYNTHETIC, ZHUZHOU_TEXT]): void {
  it.each(clean)(`${rule}: no failure on the clean fixture %s`, (file) => {
    const doc = checkText(readFixture(file), file);
    expect(doc.findings.filter((f) => f.rule === rule && f.status === 'fail').map((f) => f.message)).toEqual([]);
  });
  it.each(cases.map((c) => ({ ...c, label: `${c.file}:${c.line} ${c.from} → ${c.to}` })))(`${rule}: reports $label`, (c) => {
    const doc = checkText(plant(readFixture(c.file), c.line, c.from, c.to, c.field), c.file);
    const hits = doc.findings.filter((f) => f.rule === rule && f.status === (c.status ?? 'fail') && f.locations.some((l) => l.line === c.line));
    expect(hits.length, `no ${rule} finding at line ${c.line}; got ${doc.findings.filter((f) => f.rule === rule).map((f) => f.message).join(' | ')}`).toBeGreaterThan(0);
    expect(hits[0]?.severity).toBe(c.severity ?? 'error');
  });
}
