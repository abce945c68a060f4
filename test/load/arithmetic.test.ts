import { describe, expect, it } from 'vitest';
import { interleavings, placeLoose, type LooseResult, type LooseRow } from '../../src/load/text/loose.js';

// A made-up 一般公共预算财政拨款支出决算表 as a plain text gives it: each row's total first, then the
// parts it prints (基本支出, 项目支出) with the empty one gone. Which column a lone part stands in
// is settled by the column sums: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项.
const show = (placed: LooseResult): string[] => placed.rows.map((p) => (p ? p.cells.map((c, i) => (p.unknown.includes(i) ? '?' : c || '·')).join(' | ') : '-'));

/** 合计, 201 and 20106 print both parts; 2010601 and 2010602 one each. */
const chain = (first: string): LooseRow[] => [
  { own: ['120.00', '100.00', '20.00'] },
  { code: '201', own: ['120.00', '100.00', '20.00'] },
  { code: '20106', own: ['120.00', '100.00', '20.00'] },
  { code: '2010601', own: ['100.00', first] },
  { code: '2010602', own: ['20.00', '20.00'] },
];

describe('placeLoose', () => {
  it('places each row when exactly one choice keeps every row and column sum', () => {
    const placed = placeLoose(chain('100.00'), [], 3);
    expect(show(placed)).toEqual(['120.00 | 100.00 | 20.00', '120.00 | 100.00 | 20.00', '120.00 | 100.00 | 20.00', '100.00 | 100.00 | ·', '20.00 | · | 20.00']);
    expect(placed.inconsistent).toEqual([]);
  });

  it('leaves unknown what the sums do not settle, never guessing', () => {
    // One part under one 款: 基本支出 or 项目支出 alike; the totals are certain.
    const placed = placeLoose([{ own: ['30.00', '30.00'] }, { code: '201', own: ['30.00', '30.00'] }, { code: '20106', own: ['30.00', '30.00'] }], [], 3);
    expect(show(placed)).toEqual(['30.00 | ? | ?', '30.00 | ? | ?', '30.00 | ? | ?']);
  });

  it('leaves a row whose values are not known for certain out, and does not use the sums it is in', () => {
    const placed = placeLoose(chain('100.00').map((r) => (r.code === '201' ? { code: '201', own: null } : r)), [], 3);
    expect(show(placed)).toEqual(['120.00 | 100.00 | 20.00', '-', '120.00 | 100.00 | 20.00', '100.00 | 100.00 | ·', '20.00 | · | 20.00']);
  });

  it('reports the row a changed value leaves without any consistent choice, and places the others', () => {
    const placed = placeLoose(chain('101.00'), [], 3);
    expect(placed.inconsistent).toEqual([3]);
    // 20106's sum is not used without 2010601: 2010602's 20.00 could be either part.
    expect(show(placed)).toEqual(['120.00 | 100.00 | 20.00', '120.00 | 100.00 | 20.00', '120.00 | 100.00 | 20.00', '-', '20.00 | ? | ?']);
  });

  it('reports nothing when more than five rows admit no placement: a misreading, more likely than misprints', () => {
    const bad = (n: number): LooseRow[] => Array.from({ length: n }, (_, i) => ({ code: `20106${String(i + 1).padStart(2, '0')}`, own: ['5.00', '4.00'] }));
    expect(placeLoose(bad(2), [], 3).inconsistent).toEqual([0, 1]);
    expect(placeLoose(bad(6), [], 3).inconsistent).toEqual([]);
  });

  it('reports the parent whose children cannot add up to it when every row adds up on its own', () => {
    const rows: LooseRow[] = [
      { own: ['50.00', '50.00'] },
      { code: '201', own: ['40.00', '40.00'] },
    ];
    expect(placeLoose(rows, [], 3).inconsistent).toEqual([0]);
  });

  it('settles the 合计 row by the column values another table printed, then the rows under it by the sums', () => {
    // 收入决算表 columns 本年收入合计, 财政拨款, 上级补助, 其他: the summary table says 100.00, 90.00, nothing, 10.00.
    const rows: LooseRow[] = [
      { own: ['100.00', '90.00', '10.00'], known: ['100.00', '90.00', '', '10.00'] },
      { code: '201', own: ['100.00', '90.00', '10.00'] },
      { code: '20106', own: ['100.00', '90.00', '10.00'] },
    ];
    expect(show(placeLoose(rows, [], 4))).toEqual(['100.00 | 90.00 | · | 10.00', '100.00 | 90.00 | · | 10.00', '100.00 | 90.00 | · | 10.00']);
    // Without them, 10.00 could be 上级补助 or 其他: the parts are not placed.
    expect(show(placeLoose(rows.map(({ known: _known, ...r }) => r), [], 4))).toEqual(['100.00 | ? | ? | ?', '100.00 | ? | ? | ?', '100.00 | ? | ? | ?']);
    // Known values that no choice matches are not used.
    expect(show(placeLoose([{ own: ['100.00', '90.00', '10.00'], known: ['100.00', '90.00', '', '12.00'] }], [], 4))).toEqual(['100.00 | ? | ? | ?']);
  });

  it('keeps only the choices above the floors another table gives, when some are', () => {
    // 支出决算表 under 一般公共预算 rows: 基本支出 at least 30.00, so 30.00 is 基本支出.
    const floor = ['30.00', '30.00', ''];
    expect(show(placeLoose([{ own: ['30.00', '30.00'], floor }], [], 3))).toEqual(['30.00 | 30.00 | ·']);
    // A floor no choice meets is not used.
    expect(show(placeLoose([{ own: ['30.00', '30.00'], floor: ['40.00', '40.00', ''] }], [], 3))).toEqual(['30.00 | ? | ?']);
  });

  it('gives a line of values of its own to the row it completes, in either order with the row’s own values', () => {
    // 合计 prints 100.00 on its line and 60.00 40.00 on the line above it (the header line).
    const rows: LooseRow[] = [{ own: ['100.00'], floor: ['', '60.00', '40.00'] }, { code: '201', own: ['100.00', '40.00'] }];
    const placed = placeLoose(rows, [{ above: -1, values: ['60.00', '40.00'] }, { above: 0, values: ['60.00'] }], 3);
    expect(show(placed)).toEqual(['100.00 | 60.00 | 40.00', '100.00 | 60.00 | 40.00']);
    expect(placed.owners).toEqual([0, 1]);
  });

  it('puts values in columns keeping the order of each line', () => {
    expect(interleavings([['a', 'b'], ['c']], 3)?.map((c) => c.join('')).sort()).toEqual(['abc', 'acb', 'cab']);
    expect(interleavings([['a', 'b', 'c', 'd']], 3)).toEqual([]);
  });
});
