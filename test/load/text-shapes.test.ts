import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { documentFromText } from '../../src/load/index.js';
import { blockShape, documentShape, textRows } from '../../src/load/text/index.js';
import { dropPageFurniture, sourceLines } from '../../src/load/text/lines.js';
import type { GridRow } from '../../src/load/grid.js';
import type { Cell, DisclosureDocument, TableKey } from '../../src/model/document.js';
import { rowOf } from '../../src/rules/support/tables.js';

const WIDE = /[\u3000-\u9fff\uff00-\uffef“”]/;

/** A cell as read: its printed text, '' for an empty cell, '?' for an unknown one. */
function show(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  return cell.kind === 'amount' ? cell.amount.text : cell.kind === 'blank' ? '' : cell.kind === 'unknown' ? '?' : `!${cell.text}`;
}

function row(doc: DisclosureDocument, table: TableKey, key: string): Record<string, string | undefined> {
  const found = rowOf(doc.tables[table], key);
  if (!found) throw new Error(`no row ${key} in ${table}`);
  return Object.fromEntries(Object.entries(found.cells).map(([k, c]) => [k, show(c)]));
}

const load = (text: string): DisclosureDocument => documentFromText('t.txt', text);
const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ cells, loc: { file: 't.txt', line: i + 1 } }));

/**
 * A space-aligned line as pdftotext -layout writes it: each cell at a display column, text
 * left-aligned at `at`, numbers right-aligned to end at `at` when given as `[text, at, 'right']`.
 */
function aligned(cells: ReadonlyArray<readonly [string, number] | readonly [string, number, 'right']>, wide = false): string {
  const w = (s: string): number => [...s].reduce((n, ch) => n + (wide && WIDE.test(ch) ? 2 : 1), 0);
  let out = '';
  let col = 0;
  for (const [text, at, align] of cells) {
    const start = align === 'right' ? at - w(text) : at;
    const pad = Math.max(start - col, out === '' ? 0 : 1);
    out += ' '.repeat(pad) + text;
    col += pad + w(text);
  }
  return out;
}

const HEADER = ['2024年度部门决算', '示例局', ''];

describe('the shape of a text is read from the text', () => {
  it('calls a text space-aligned only when it has no tabs and many lines set apart by spaces', () => {
    const spaced = Array.from({ length: 12 }, (_, i) => `20${i}    名称${i}      ${i}.00`).join('\n');
    expect(documentShape(spaced)).toBe('layout');
    expect(documentShape(spaced.replace(/ {4}/, '\t'))).toBe('lines');
    expect(documentShape('一段说明文字。\n另一段文字。\n')).toBe('lines');
  });

  it('keeps a table as tab-separated when every field holds one kind of thing', () => {
    expect(blockShape(grid([['科目编码', '科目名称', '合计', '基本支出'], ['合计', '', '3.00', '1.00'], ['201', '一般公共服务支出', '3.00', '1.00']]))).toBe('tab');
    // An extra value at the end of one line stays tab-separated (it is reported as under no header).
    expect(blockShape(grid([['201', '一般公共服务支出', '3.00', '1.00'], ['20106', '财政事务', '3.00', '1.00', '9.99'], ['2010601', '行政运行', '3.00', '1.00']]))).toBe('tab');
  });

  it('calls a table plain when an amount lands where another line has a name, or a line comes out short', () => {
    expect(blockShape(grid([['合计', '3.00', '1.00'], ['201', '一般公共服务支出', '3.00', '1.00']]))).toBe('plain');
    expect(blockShape(grid([['2010601', '行政运行', '3.00', '1.00', '2.00'], ['2010602', '一般行政管理事务', '3.00', '3.00']]))).toBe('plain');
    expect(blockShape(grid([['201', '一般公共服务支出', '3.00'], ['1.00']]))).toBe('plain');
  });

  it('calls a table printed one cell a line cells', () => {
    expect(blockShape(grid([['科目编码'], ['科目名称'], ['合计'], ['3.00'], ['201'], ['一般公共服务支出'], ['3.00']]))).toBe('cells');
  });
});

describe('page numbers and running headers inside a table', () => {
  it('drops — 3 —, 第 3 页 and a header repeated at the top of each page, and keeps a lone 栏次 number', () => {
    const text = [
      '示例局2024年度部门决算',
      '一般公共预算财政拨款支出决算表',
      '金额单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '合计\t\t3.00\t2.00\t1.00',
      '— 3 —',
      '\f示例局2024年度部门决算',
      '201\t一般公共服务支出\t3.00\t2.00\t1.00',
      '第 4 页',
      '\f示例局2024年度部门决算',
      '12',
      '注：本表反映一般公共预算财政拨款支出情况。',
    ].join('\n');
    const kept = dropPageFurniture(sourceLines(text)).map((l) => l.text);
    expect(kept).not.toContain('— 3 —');
    expect(kept).not.toContain('第 4 页');
    expect(kept.filter((t) => t === '示例局2024年度部门决算')).toEqual([]);
    expect(kept).toContain('12');
    const doc = load(text);
    expect(row(doc, 'general-budget-expense', '201')).toEqual({ total: '3.00', basic: '2.00', project: '1.00' });
    expect(doc.issues).toEqual([]);
  });

  it('drops a table header printed again on the next page, but not a header word that is also a row', () => {
    const text = [
      ...HEADER,
      '一般公共预算财政拨款支出决算表',
      '金额单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '201\t一般公共服务支出\t3.00\t2.00\t1.00',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '208\t社会保障和就业支出\t5.00\t5.00\t0.00',
    ].join('\n');
    const doc = load(text);
    expect(doc.tables['general-budget-expense']?.rows.map((r) => r.key)).toEqual(['201', '208']);
    expect(doc.issues).toEqual([]);
  });
});

describe('tab-separated tables', () => {
  it('joins a name wrapped onto a line of its own to the row it belongs to', () => {
    const text = [
      ...HEADER,
      '一般公共预算财政拨款支出决算表',
      '金额单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '2080501\t行政单位离退休\t1.00\t1.00\t0.00',
      // Names centred on their codes: a part above the code line, a part under it.
      '\t机关事业单位基本养老保险\t\t\t',
      '2080505\t\t3.00\t3.00\t0.00',
      '\t缴费支出\t\t\t',
      '\t机关事业单位职业年金缴费\t\t\t',
      '2080506\t\t2.00\t2.00\t0.00',
      '\t支出\t\t\t',
      // A name printed from the top of its row goes on under it.
      '2080599\t其他行政事业单位养\t1.00\t1.00\t0.00',
      '\t老支出\t\t\t',
      '2080801\t死亡抚恤\t1.00\t1.00\t0.00',
    ].join('\n');
    const doc = load(text);
    const labels = doc.tables['general-budget-expense']?.rows.map((r) => `${r.key} ${r.label}`);
    expect(labels).toEqual([
      '2080501 行政单位离退休',
      '2080505 机关事业单位基本养老保险缴费支出',
      '2080506 机关事业单位职业年金缴费支出',
      '2080599 其他行政事业单位养老支出',
      '2080801 死亡抚恤',
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('does not glue text that opens no known row onto a whole label of a summary table', () => {
    const text = [
      ...HEADER,
      '收入支出决算总表',
      '金额单位：万元',
      '项目\t金额\t项目\t金额',
      '本年收入合计\t100.00\t本年支出合计\t100.00',
      '上年结转\t\t\t',
      '总计\t100.00\t总计\t100.00',
    ].join('\n');
    const doc = load(text);
    expect(rowOf(doc.tables['income-expense'], 'income:total-income')?.label).toBe('本年收入合计');
    expect(doc.issues).toEqual([{ code: 'row-unrecognised', loc: expect.objectContaining({ line: 8 }), params: { text: '上年结转' } }]);
  });

  it('does not guess the row of values printed on a line of their own: the cells around them are unknown', () => {
    const text = [
      ...HEADER,
      '一般公共预算财政拨款支出决算表',
      '金额单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '2010601\t行政运行\t3.00\t\t3.00',
      '\t\t\t2.00\t',
      '2010602\t一般行政管理事务\t2.00\t\t',
    ].join('\n');
    const doc = load(text);
    expect(row(doc, 'general-budget-expense', '2010601')).toEqual({ total: '3.00', basic: '?', project: '3.00' });
    expect(row(doc, 'general-budget-expense', '2010602')).toEqual({ total: '2.00', basic: '?', project: '' });
    expect(doc.issues.map((i) => [i.code, i.params])).toEqual([['cells-unplaced', { placed: '3', unplaced: '1', unknown: '2' }]]);
  });

  it('reads a code split over 类 | 款 | 项 columns, with or without a 科目名称 heading', () => {
    const body = ['201\t\t\t一般公共服务支出\t3.00\t2.00\t1.00', '201\t06\t\t财政事务\t3.00\t2.00\t1.00', '201\t06\t01\t行政运行\t3.00\t2.00\t1.00'];
    for (const heading of ['类\t款\t项\t科目名称\t合计\t基本支出\t项目支出', '类\t款\t项\t\t合计\t基本支出\t项目支出']) {
      const doc = load([...HEADER, '一般公共预算财政拨款支出决算表', '金额单位：万元', heading, ...body].join('\n'));
      expect(doc.tables['general-budget-expense']?.rows.map((r) => `${r.key} ${r.label}`)).toEqual(['201 一般公共服务支出', '20106 财政事务', '2010601 行政运行']);
    }
  });
});

describe('space-aligned tables (pdftotext -layout)', () => {
  const columns = { code: 0, name: 10, total: 44, fiscal: 60, other: 74 } as const;
  const line = (code: string, name: string, total: string, fiscal: string, other: string, wide = false): string =>
    aligned(
      [
        ...(code ? [[code, columns.code] as const] : []),
        ...(name ? [[name, columns.name] as const] : []),
        [total, columns.total, 'right'] as const,
        [fiscal, columns.fiscal, 'right'] as const,
        [other, columns.other, 'right'] as const,
      ],
      wide,
    );
  const page = (wide: boolean): string[] => [
    '                         收入决算表',
    aligned([['金额单位：万元', 0], ['部门：示例局', 50]], wide),
    aligned([['科目编码', 0], ['科目名称', 10], ['本年收入合计', 32], ['财政拨款收入', 48], ['其他收入', 66]], wide),
    line('合计', '', '300.00', '290.00', '10.00', wide),
    line('201', '一般公共服务支出', '300.00', '290.00', '10.00', wide),
    aligned([['人力资源和社会保障管理', 10]], wide),
    line('20106', '', '300.00', '290.00', '10.00', wide),
    aligned([['事务', 10]], wide),
    line('2010601', '行政运行', '200.00', '200.00', '0.00', wide),
    line('2010602', '一般行政管理事务', '100.00', '90.00', '10.00', wide),
  ];

  it('rebuilds columns from where the words stand, joins wrapped names and drops page furniture', () => {
    const text = [
      ...HEADER,
      ...page(false),
      '',
      '                        — 3 —',
      '\f' + aligned([['科目编码', 0], ['科目名称', 10], ['本年收入合计', 32], ['财政拨款收入', 48], ['其他收入', 66]]),
      line('208', '社会保障和就业支出', '50.00', '50.00', '0.00'),
      '',
      '注：本表反映部门本年度取得的各项收入情况。',
      '                        — 4 —',
    ].join('\n');
    const doc = load(text);
    expect(doc.format).toBe('text');
    expect(row(doc, 'income', 'total')).toEqual({ total: '300.00', fiscal: '290.00', other: '10.00' });
    expect(rowOf(doc.tables.income, '20106')?.label).toBe('人力资源和社会保障管理事务');
    expect(row(doc, 'income', '2010601')).toEqual({ total: '200.00', fiscal: '200.00', other: '0.00' });
    expect(row(doc, 'income', '208')).toEqual({ total: '50.00', fiscal: '50.00', other: '0.00' });
    expect(doc.tables.income?.notes.map((n) => n.text)).toEqual(['注：本表反映部门本年度取得的各项收入情况。']);
    expect(doc.issues).toEqual([]);
  });

  it('counts Chinese characters as two columns when that is how the text lines up', () => {
    const doc = load([...HEADER, ...page(true), '注：本表反映部门本年度取得的各项收入情况。'].join('\n'));
    expect(row(doc, 'income', '2010602')).toEqual({ total: '100.00', fiscal: '90.00', other: '10.00' });
    expect(doc.issues).toEqual([]);
  });
});

describe('tables printed one cell a line', () => {
  const head = [...HEADER, '收入决算表', '金额单位：万元', '科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'];

  it('places a row that prints a value for every column, and only the total of a row that does not when the sums do not settle it', () => {
    const doc = load([...head, '2010601', '行政运行', '60.00', '60.00', '2010602', '一般行政管理事务', '40.00', '30.00', '10.00'].join('\n'));
    expect(row(doc, 'income', '2010602')).toEqual({ total: '40.00', fiscal: '30.00', other: '10.00' });
    expect(row(doc, 'income', '2010601')).toEqual({ total: '60.00', fiscal: '?', other: '?' });
    expect(rowOf(doc.tables.income, '2010602')?.label).toBe('一般行政管理事务');
    expect(doc.issues).toEqual([{ code: 'cells-unplaced', loc: expect.objectContaining({ table: 'income' }), params: { placed: '4', unplaced: '1', unknown: '2' } }]);
  });

  it('places the values of a shorter row by the column sums when exactly one choice keeps them', () => {
    // 合计 90.00 | 10.00 = 2010601 + 2010602 in each column: 60.00 can only be 财政拨款收入.
    const doc = load([...head, '合计', '100.00', '90.00', '10.00', '2010601', '行政运行', '60.00', '60.00', '2010602', '一般行政管理事务', '40.00', '30.00', '10.00'].join('\n'));
    expect(row(doc, 'income', '2010601')).toEqual({ total: '60.00', fiscal: '60.00', other: '' });
    expect(doc.issues).toEqual([]);
  });

  it('reads empty lines as empty cells when every row has exactly its cells', () => {
    const doc = load([...head, '合计', '100.00', '90.00', '10.00', '2010601', '行政运行', '60.00', '60.00', '', '2010602', '一般行政管理事务', '40.00', '', '40.00'].join('\n'));
    expect(row(doc, 'income', '2010601')).toEqual({ total: '60.00', fiscal: '60.00', other: '' });
    expect(row(doc, 'income', '2010602')).toEqual({ total: '40.00', fiscal: '', other: '40.00' });
    expect(doc.issues).toEqual([]);
  });

  it('reads no value from a table printed column by column (codes, then names, then amounts)', () => {
    const doc = load([...head, '合计', '2010601', '2010602', '行政运行', '一般行政管理事务', '100.00', '60.00', '40.00', '90.00', '60.00', '30.00'].join('\n'));
    expect(doc.tables.income?.rows.map((r) => r.key)).toEqual(['total', '2010601', '2010602']);
    expect(row(doc, 'income', '2010601')).toEqual({ total: '?', fiscal: '?', other: '?' });
    expect(checkDocument(doc).findings.filter((f) => f.severity === 'error' && f.rule !== 'table-missing')).toEqual([]);
  });

  it('reads a summary table label by label', () => {
    const text = [
      ...HEADER,
      '收入支出决算总表',
      '金额单位：万元',
      '项目',
      '金额',
      '项目',
      '金额',
      '一、一般公共预算财政拨款收入',
      '100.00',
      '一、一般公共服务支出',
      '100.00',
      '本年收入合计',
      '100.00',
      '本年支出合计',
      '100.00',
    ].join('\n');
    const doc = load(text);
    expect(row(doc, 'income-expense', 'income:fiscal-general')).toEqual({ amount: '100.00' });
    expect(row(doc, 'income-expense', 'expense:total-expense')).toEqual({ amount: '100.00' });
    expect(doc.issues).toEqual([]);
  });
});

describe('plain extractions that lost their empty cells', () => {
  const table = (lines: string[]): string =>
    [...HEADER, '一般公共预算财政拨款支出决算表', '单位：万元', '项目', '科目编码\t科目名称\t合计\t基本支出 项目支出', ...lines, '', '注：本表反映一般公共预算财政拨款支出情况。'].join('\n');

  it('places a row with a value for every column, and the total of a shorter one', () => {
    const doc = load(table(['201\t06\t01\t行政运行\t3.00\t2.00\t1.00', '201\t06\t02\t一般行政管理事务\t10.00\t10.00', '合计\t13.00\t2.00\t11.00']));
    expect(row(doc, 'general-budget-expense', '2010601')).toEqual({ total: '3.00', basic: '2.00', project: '1.00' });
    // 合计 2.00 | 11.00 = 2010601 + 2010602 in each column: 10.00 is 项目支出.
    expect(row(doc, 'general-budget-expense', '2010602')).toEqual({ total: '10.00', basic: '', project: '10.00' });
    expect(row(doc, 'general-budget-expense', 'total')).toEqual({ total: '13.00', basic: '2.00', project: '11.00' });
    expect(doc.issues).toEqual([]);
  });

  it('reads a row without values as empty, and joins a name printed around its codes', () => {
    const doc = load(table(['机关事业单位基本养老保险', '208\t05\t05\t3.00\t3.00\t0.00', '缴费支出', '208\t05\t06\t其他支出']));
    expect(rowOf(doc.tables['general-budget-expense'], '2080505')?.label).toBe('机关事业单位基本养老保险缴费支出');
    expect(row(doc, 'general-budget-expense', '2080506')).toEqual({ total: '', basic: '', project: '' });
  });

  it('does not guess whose values a line of values alone holds when both rows around it add up either way', () => {
    // 0.00 completes 5.00 = 5.00 + 0.00 as well as 4.00 = 4.00 + 0.00: each row's total is certain, not its parts.
    const doc = load(table(['201\t06\t01\t行政运行\t5.00\t5.00', '0.00', '201\t06\t02\t一般行政管理事务\t4.00\t4.00', '201\t06\t07\t信息化建设\t5.00\t5.00\t0.00']));
    expect(row(doc, 'general-budget-expense', '2010601')).toEqual({ total: '5.00', basic: '?', project: '?' });
    expect(row(doc, 'general-budget-expense', '2010602')).toEqual({ total: '4.00', basic: '?', project: '?' });
    expect(row(doc, 'general-budget-expense', '2010607')).toEqual({ total: '5.00', basic: '5.00', project: '0.00' });
  });

  it('gives a line of values alone to the row it completes: a row adds up to its total', () => {
    // 2.00 makes 3.00 = 1.00 + 2.00; under 2010602 it would make 10.00 = 2.00 false.
    const doc = load(table(['201\t06\t01\t行政运行\t3.00\t1.00', '2.00', '201\t06\t02\t一般行政管理事务\t10.00\t10.00']));
    expect(row(doc, 'general-budget-expense', '2010601')).toEqual({ total: '3.00', basic: '?', project: '?' });
    expect(row(doc, 'general-budget-expense', '2010602')).toEqual({ total: '10.00', basic: '?', project: '?' });
  });

  it('gives a line of values alone to the row after it when the row before is full', () => {
    const doc = load(table(['201\t06\t01\t行政运行\t3.00\t2.00\t1.00', '10.00', '201\t06\t02\t一般行政管理事务\t10.00']));
    expect(row(doc, 'general-budget-expense', '2010601')).toEqual({ total: '3.00', basic: '2.00', project: '1.00' });
    // Its total is the one its two values add up to; which column the other stands in is not known.
    expect(row(doc, 'general-budget-expense', '2010602')).toEqual({ total: '10.00', basic: '?', project: '?' });
  });

  it('skips the checks that need an unknown cell instead of failing them', () => {
    // Every row prints one part: all 基本支出 or all 项目支出 alike, which no sum settles.
    const doc = load(table(['201\t一般公共服务支出\t13.00\t13.00', '201\t06\t财政事务\t13.00\t13.00', '201\t06\t01\t行政运行\t3.00\t3.00', '201\t06\t02\t一般行政管理事务\t10.00\t10.00']));
    const checked = checkDocument(doc);
    expect(checked.findings.filter((f) => f.severity === 'error' && f.rule !== 'table-missing')).toEqual([]);
    const skipped = checked.findings.filter((f) => f.status === 'skipped' && f.rule === 'general-budget-row-sum').map((f) => f.id);
    expect(skipped).toEqual(['201', '20106', '2010601', '2010602'].map((r) => `general-budget-row-sum:general-budget-expense/${r}/total`));
    // The total column is read on every row, so its roll-up is checked.
    expect(checked.findings.some((f) => f.id === 'general-budget-rollup:general-budget-expense/20106/total')).toBe(false);
  });

  it('reads the two summary tables label by label, a label followed by a label being empty', () => {
    const text = [
      ...HEADER,
      '收入支出决算总表',
      '单位：万元',
      '收入\t支出',
      '项目\t决算数\t项目\t决算数',
      '一、一般公共预算财政拨款收入\t2,077.21\t一、一般公共服务支出\t2,077.21',
      '二、政府性基金预算财政拨款收入\t二、外交支出',
      '九、卫生健康支出',
      '本年收入合计\t2,077.21\t本年支出合计\t2,077.21',
      '总计\t2,077.21\t总计\t2,077.21',
    ].join('\n');
    const doc = load(text);
    expect(row(doc, 'income-expense', 'income:fiscal-general')).toEqual({ amount: '2,077.21' });
    expect(row(doc, 'income-expense', 'income:fiscal-fund')).toEqual({ amount: '' });
    expect(row(doc, 'income-expense', 'expense:class-202')).toEqual({ amount: '' });
    expect(row(doc, 'income-expense', 'expense:class-210')).toEqual({ amount: '' });
    expect(row(doc, 'income-expense', 'expense:grand-total')).toEqual({ amount: '2,077.21' });
    expect(doc.issues).toEqual([]);
  });

  it('keeps every line of a text without tables as one row', () => {
    const rows = textRows('t.txt', '一段说明。\n\n另一段。');
    expect(rows.map((r) => r.cells.join('|'))).toEqual(['一段说明。', '', '另一段。']);
  });
});
