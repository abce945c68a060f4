import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../src/load/grid.js';
import { incomeTotalsOf } from '../../src/load/text/summary.js';
import { template } from '../../src/templates/tables.js';

// The income side of a made-up 收入支出决算总表 as rebuilt rows: label, value (expense side omitted).
const loc = { file: 't.txt', line: 1 };
const line = (label: string, value: string): GridRow => ({ cells: [label, value], loc });
const INCOME = [
  line('一、一般公共预算财政拨款收入', '90.00'),
  line('二、政府性基金预算财政拨款收入', '5.50'),
  line('三、国有资本经营预算财政拨款收入', ''),
  line('四、上级补助收入', ''),
  line('五、事业收入', ''),
  line('六、经营收入', ''),
  line('七、附属单位上缴收入', ''),
  line('八、其他收入', '4.50'),
  line('本年收入合计', '100.00'),
];
const summary = template('income-expense');

describe('incomeTotalsOf', () => {
  it('gives the 收入决算表 合计 row column by column, 财政拨款收入 as the three appropriations together', () => {
    expect(Object.fromEntries(incomeTotalsOf(summary, INCOME) ?? [])).toEqual({
      total: '100.00',
      fiscal: '95.50',
      superior: '',
      business: '',
      operation: '',
      affiliated: '',
      other: '4.50',
    });
  });

  it('gives nothing when a source is missing or its value is not known for certain', () => {
    expect(incomeTotalsOf(summary, INCOME.filter((r) => r.cells[0] !== '八、其他收入'))).toBeUndefined();
    const unsure = INCOME.map((r) => (r.cells[0] === '四、上级补助收入' ? { ...r, uncertain: { unknown: [1], unplaced: ['3.00'] } } : r));
    expect(incomeTotalsOf(summary, unsure)).toBeUndefined();
    expect(incomeTotalsOf(template('income'), INCOME)).toBeUndefined();
  });
});
