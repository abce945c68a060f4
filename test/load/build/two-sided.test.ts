import { describe, expect, it } from 'vitest';
import { buildTwoSided } from '../../../src/load/build/two-sided.js';
import type { GridRow } from '../../../src/load/grid.js';
import type { LoadIssue } from '../../../src/model/document.js';
import { template } from '../../../src/templates/tables.js';

const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ cells, loc: { file: 't.pdf', line: i + 1, page: 1 } }));

describe('buildTwoSided', () => {
  // A made-up 财政拨款收入支出决算总表 whose expense headings wrap over three lines around a short
  // 合计, with the merged 支出 heading printed over the 合计 column: that column's text joins as
  // 支出合计, which names no column; without the merged heading above it, it is 合计.
  const body = grid([
    ['收入', '', '', '支出', '', '', ''],
    ['', '', '', '', '', '政府性基', '国有资本'],
    ['', '', '', '', '一般公共预', '', ''],
    ['项目', '决算数', '项目', '合计', '', '金预算财', '经营预算'],
    ['', '', '', '', '算财政拨款', '', ''],
    ['', '', '', '', '', '政拨款', '财政拨款'],
    ['一、一般公共预算财政拨款', '120.00', '一、一般公共服务支出', '100.00', '100.00', '', ''],
    ['二、政府性基金预算财政拨款', '', '二、社会保障和就业支出', '20.00', '20.00', '', ''],
    ['本年收入合计', '120.00', '本年支出合计', '120.00', '120.00', '', ''],
  ]);

  it('keeps the 合计 column under a merged 支出 heading, and names it by its own heading', () => {
    const issues: LoadIssue[] = [];
    const built = buildTwoSided(template('fiscal-income-expense'), body, { table: 'fiscal-income-expense', unit: '万元', issues });
    expect(issues).toEqual([]);
    expect(built.columns.map((c) => `${c.side}:${c.key}:${c.label}`)).toEqual([
      'income:amount:决算数',
      'expense:total:合计',
      'expense:general:一般公共预算财政拨款',
      'expense:fund:政府性基金预算财政拨款',
      'expense:capital:国有资本经营预算财政拨款',
    ]);
    const total = built.rows.find((r) => r.key === 'expense:total-expense');
    expect(Object.fromEntries(Object.entries(total?.cells ?? {}).map(([k, c]) => [k, c.kind === 'amount' ? c.amount.text : c.kind]))).toEqual({
      total: '120.00',
      general: '120.00',
      fund: 'blank',
      capital: 'blank',
    });
  });

  it('reads a 类 name with one character misprinted (抗役 for 抗疫) as its class, and reports the name once', () => {
    const issues: LoadIssue[] = [];
    const misprinted = grid([
      ['项目', '决算数', '项目', '决算数'],
      ['一、财政拨款收入', '10.00', '一、一般公共服务支出', '8.00'],
      ['', '', '二十六、抗役特别国债安排的支出', '2.00'],
      ['本年收入合计', '10.00', '本年支出合计', '10.00'],
    ]);
    const built = buildTwoSided(template('income-expense'), misprinted, { table: 'income-expense', unit: '万元', issues });
    expect(built.rows.map((r) => r.key)).toContain('expense:class-234');
    expect(issues.map((i) => [i.code, i.params])).toEqual([['row-name-differs', { row: '二十六、抗役特别国债安排的支出', standard: '抗疫特别国债安排的支出' }]]);
  });

  it('does not take another short name for a misprint', () => {
    const issues: LoadIssue[] = [];
    const built = buildTwoSided(
      template('income-expense'),
      grid([
        ['项目', '决算数', '项目', '决算数'],
        ['一、财政拨款收入', '10.00', '一、外贸支出', '10.00'],
      ]),
      { table: 'income-expense', unit: '万元', issues },
    );
    expect(built.rows.map((r) => r.key)).not.toContain('expense:class-202');
    expect(issues.map((i) => i.code)).toEqual(['row-unrecognised']);
  });
});
