import { describe, expect, it } from 'vitest';
import { placeByArithmetic } from '../../src/load/text/arithmetic.js';

// A made-up 一般公共预算财政拨款支出决算表 as a plain text gives it: each row's total first, then the
// parts it prints (基本支出, 项目支出) with the empty one gone. Which column a lone part stands in
// is settled by the column sums: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项.
const show = (placed: ReadonlyArray<readonly string[] | undefined>): string[] => placed.map((p) => (p ? p.map((c) => c || '·').join(' | ') : '?'));

/** 合计, 201 and 20106 print both parts; 2010601 and 2010602 one each. */
const chain = (first: string) => [
  { parts: ['100.00', '20.00'] },
  { code: '201', parts: ['100.00', '20.00'] },
  { code: '20106', parts: ['100.00', '20.00'] },
  { code: '2010601', parts: [first] },
  { code: '2010602', parts: ['20.00'] },
];

describe('placeByArithmetic', () => {
  it('places each row when exactly one choice keeps every column sum', () => {
    const placed = placeByArithmetic(chain('100.00'), 2);
    expect(show(placed)).toEqual(['100.00 | 20.00', '100.00 | 20.00', '100.00 | 20.00', '100.00 | ·', '· | 20.00']);
  });

  it('leaves unknown what the sums do not settle, never guessing', () => {
    // One part under one 款: 基本支出 or 项目支出 alike.
    const placed = placeByArithmetic(
      [
        { parts: ['30.00'] },
        { code: '201', parts: ['30.00'] },
        { code: '20106', parts: ['30.00'] },
      ],
      2,
    );
    expect(show(placed)).toEqual(['?', '?', '?']);
  });

  it('leaves a row whose parts are not known for certain unknown, and does not use the sums it is in', () => {
    const placed = placeByArithmetic(chain('100.00').map((r) => (r.code === '201' ? { code: '201', parts: null } : r)), 2);
    expect(show(placed)).toEqual(['100.00 | 20.00', '?', '100.00 | 20.00', '100.00 | ·', '· | 20.00']);
  });

  it('places nothing when a changed value leaves no choice consistent', () => {
    const placed = placeByArithmetic(chain('101.00'), 2);
    expect(show(placed)).toEqual(['?', '?', '?', '?', '?']);
  });
  it('settles the 合计 row by the column values another table printed, then the rows under it by the sums', () => {
    // 收入决算表 columns 财政拨款, 上级补助, 其他: the summary table says 90.00, nothing, 10.00.
    const rows = [
      { parts: ['90.00', '10.00'], known: ['90.00', '', '10.00'] },
      { code: '201', parts: ['90.00', '10.00'] },
      { code: '20106', parts: ['90.00', '10.00'] },
    ];
    expect(show(placeByArithmetic(rows, 3))).toEqual(['90.00 | · | 10.00', '90.00 | · | 10.00', '90.00 | · | 10.00']);
    // Without them, 10.00 could be 上级补助 or 其他: nothing is placed.
    expect(show(placeByArithmetic(rows.map(({ known: _known, ...r }) => r), 3))).toEqual(['?', '?', '?']);
  });

  it('ignores known column values that no choice matches, and tells equal values apart by them', () => {
    const wrong = [{ parts: ['90.00', '10.00'], known: ['90.00', '', '12.00'] }];
    expect(show(placeByArithmetic(wrong, 3))).toEqual(['?']);
    const twice = [{ parts: ['10.00', '10.00'], known: ['10.00', '', '10.00'] }, { code: '201', parts: ['10.00', '10.00'] }];
    expect(show(placeByArithmetic(twice, 3))).toEqual(['10.00 | · | 10.00', '10.00 | · | 10.00']);
  });
});
