import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { claimsOf } from '../../src/narrative/claims/index.js';
import { narrativeCoverage } from '../../src/narrative/coverage.js';
import { loadText, readFixture, ZHUZHOU } from '../support/fixtures.js';

const doc = loadText(readFixture(ZHUZHOU));
const checked = checkDocument(doc, { ...DEFAULT_OPTIONS, keepResults: true });
const narrative = checked.results.filter((r) => r.result.sentence);

describe('the Zhuzhou 2023 narrative', () => {
  it('reports the misstated 2080102 item at the line of its sentence', () => {
    const f = checked.findings.find((x) => x.rule === 'narrative-amount' && x.status === 'fail');
    expect(f?.locations[0]?.line).toBe(517);
    expect(f?.sentence?.text).toContain('年初预算为733万元，支出决算为632.11万元');
    expect(f).toMatchObject({ actual: '632.11', expected: '670.77', severity: 'error' });
  });

  it('reports the note under the 政府性基金 table, which names the 国有资本经营 fund', () => {
    const f = checked.findings.find((x) => x.rule === 'empty-table-note');
    expect(f?.locations[0]?.line).toBe(420);
    expect(f?.severity).toBe('error');
  });

  it('verifies every share, completion rate and year-on-year change of 五 and of the 三公 section', () => {
    const inScope = narrative.filter(
      ({ rule, result }) =>
        ['narrative-share', 'narrative-completion', 'narrative-change'].includes(rule) &&
        /^(五|七)、/.test(claimsOf(doc).claims.find((c) => c.key === result.key)?.sentence.headings.find((h) => /^[一二三四五六七八九十]+、/.test(h)) ?? ''),
    );
    // 6 class shares and 2 三公 shares; 15 completion rates in 五 (the total and 14 items) and 3 in
    // the 三公 section; 3 year-on-year changes.
    expect(inScope.length).toBe(29);
    expect(inScope.filter(({ result }) => result.status !== 'pass').map(({ result }) => result.sentence?.text)).toEqual([]);
  });

  it('ties at least 90% of the numbers of its 情况说明 (第三部分) to checked claims', () => {
    const keys = new Set(narrative.filter(({ result }) => result.status !== 'skipped').map(({ result }) => result.key));
    const { statements } = narrativeCoverage(doc, keys);
    const share = statements.checked / statements.numbers;
    expect(statements.numbers).toBeGreaterThan(150);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(checked.claims.found).toBeGreaterThan(150);
  });
});
