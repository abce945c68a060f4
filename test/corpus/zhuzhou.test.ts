import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, type CheckedDocument } from '../../src/engine/run.js';
import { TABLE_KEYS } from '../../src/model/document.js';
import { at, errorsOf, load, TABLE_RULES } from './support.js';

describe('zhuzhou-hrss-2023.txt (株洲市人力资源和社会保障局 2023, Hunan numbering)', () => {
  let checked: CheckedDocument;
  beforeAll(async () => {
    const doc = await load('zhuzhou-hrss-2023.txt');
    expect(Object.keys(doc.tables).sort()).toEqual([...TABLE_KEYS].sort());
    checked = checkDocument(doc);
  });

  it('runs 795 checks and fails no table or cross-table check: its table differences are rounding tails', () => {
    expect(checked.checks.run).toBe(795);
    expect(checked.findings.filter((f) => TABLE_RULES.has(f.rule) && f.status === 'fail')).toEqual([]);
    expect(checked.checks.rounding).toBe(21);
  });

  it('reports its three real narrative errors, at their lines, and no other error', () => {
    expect(errorsOf(checked).map((f) => [f.rule, at(f), f.expected, f.actual])).toEqual([
      // the note under the 政府性基金 table names the 国有资本经营 fund
      ['empty-table-note', '420', undefined, undefined],
      // 一般行政管理事务(项) 支出决算为632.11万元; the table's 2080102 says 670.77
      ['narrative-amount', '517', '670.77', '632.11'],
      // 金额40万元，调减4万元，实际支出35.89万元，结余结转0万元: 40 − 4 = 36.00 ≠ 35.89 + 0
      ['narrative-arithmetic', '796', '35.89', '36.00'],
    ]);
  });
});
