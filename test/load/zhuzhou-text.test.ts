import { describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../src/model/document.js';
import { rowOf } from '../../src/rules/support/tables.js';
import { loadText, readFixture, ZHUZHOU } from '../support/fixtures.js';

const doc = loadText(readFixture(ZHUZHOU));
const amount = (table: (typeof TABLE_KEYS)[number], row: string, column: string) => {
  const cell = rowOf(doc.tables[table], row)?.cells[column];
  return cell?.kind === 'amount' ? { text: cell.amount.text, value: cell.amount.value.toFixed(2), line: cell.amount.loc.line } : cell?.kind;
};

describe('the Zhuzhou 2023 text loads whole', () => {
  it('finds all nine tables by title, whatever their number', () => {
    expect(Object.keys(doc.tables).sort()).toEqual([...TABLE_KEYS].sort());
  });

  it('reads the department, the year and the unit from the document', () => {
    expect(doc.department?.name).toBe('株洲市人力资源和社会保障局');
    expect(doc.year?.value).toBe(2023);
    expect(doc.unit).toBe('万元');
  });

  it('keeps each amount with its printed text and line', () => {
    expect(amount('expense', '2080102', 'basic')).toEqual({ text: '0.56', value: '0.56', line: 221 });
    expect(amount('income', 'total', 'total')).toEqual({ text: '9,205.13', value: '9205.13', line: 147 });
    expect(amount('income-expense', 'expense:class-208', 'amount')).toEqual({ text: '7,457.30', value: '7457.30', line: 107 });
    expect(amount('fiscal-income-expense', 'expense:class-213', 'general')).toEqual({ text: '29.97', value: '29.97', line: 279 });
    expect(amount('general-budget-basic', '30231', 'amount')).toEqual({ text: '23.91', value: '23.91', line: 397 });
    expect(amount('general-budget-basic', 'public-total', 'amount')).toEqual({ text: '1,052.10', value: '1052.10', line: 401 });
  });

  it('never reads 行次 or codes as amounts', () => {
    const ie = doc.tables['income-expense'];
    expect(ie?.columns.map((c) => c.key)).toEqual(['amount', 'amount']);
    const texts = ie?.rows.flatMap((r) => Object.values(r.cells)).flatMap((c) => (c.kind === 'amount' ? [c.amount.text] : []));
    expect(texts).not.toContain('27');
    expect(doc.tables.income?.rows.find((r) => r.key === '205')?.label).toBe('教育支出');
  });

  it('keeps empty tables present and empty, with their notes', () => {
    const fund = doc.tables['gov-fund'];
    expect(fund?.empty).toBe(true);
    expect(fund?.notes.map((n) => n.text)).toContain('本单位没有使用国有资本经营预算安排的支出。');
    expect(doc.tables['state-capital']?.empty).toBe(true);
    expect(rowOf(fund, 'total')?.cells.total?.kind).toBe('blank');
  });

  it('places the 三公 values by their 栏次 numbers, including the one printed under a lone “12”', () => {
    expect(amount('three-public', 'three-public', 'budget-total')).toMatchObject({ text: '37.12' });
    expect(amount('three-public', 'three-public', 'actual-vehicle')).toMatchObject({ text: '23.91' });
    expect(amount('three-public', 'three-public', 'actual-reception')).toMatchObject({ text: '13.21', line: 453 });
    expect(rowOf(doc.tables['three-public'], 'three-public')?.cells['actual-operation']).toBeUndefined();
  });

  it('reads the 06 table’s three panels and its 人员经费/公用经费 grouping', () => {
    expect(doc.tables['general-budget-basic']?.groups).toEqual({ personnel: ['301', '303'], public: ['302', '307', '310', '399'] });
  });

  it('keeps the narrative with its lines', () => {
    const line = doc.narrative.find((l) => l.text.includes('年初预算为733万元'));
    expect(line?.loc.line).toBe(517);
  });
});
