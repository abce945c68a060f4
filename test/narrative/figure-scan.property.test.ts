import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureMatches, type FigureMatch } from '../../src/narrative/numbers.js';

// The narrative's figures (amounts, percentages, counts) are found in one pass over a sentence. The
// pass replaces three patterns, each scanned alone; on any text it must find exactly what they find.
const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 2000), 20000);
const MONEY = /(?<!\d)(\d{1,20}(?:,\d{3}){0,6}(?:\.\d{1,20})?)(亿元|万元|元)/g;
const PERCENT = /(?<!\d)(\d{1,20}(?:\.\d{1,20})?)%/g;
const COUNT = /(?<!\d)(\d{1,20}(?:\.\d{1,20})?)(万人次|万人|万家|万个|人次|批次|台\(套\)|个|人|辆|件|台|套|场|次|家|名|条|份|户|起|所|场次)/g;

const byPattern = (text: string, pattern: RegExp): FigureMatch[] =>
  [...text.matchAll(pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, digits: m[1] ?? '', unit: pattern === PERCENT ? '%' : (m[2] ?? '') }));

// The narrative's own words and marks around figures, and digit runs short and too long.
const WORDS = ['亿元', '万元', '元', '%', '万人次', '万人', '万家', '万个', '人次', '批次', '台(套)', '台(', '个', '人', '辆', '件', '台', '套', '场', '次', '场次', '家', '名', '条', '份', '户', '起', '所'];
const MARKS = [',', '.', ',', '.', '，', '；', '、', '年', '月', '第', '(', ')', '支出', '决算数为', '预算', '增长', '占', ' ', '万', '亿'];
const digits = fc.integer({ min: 1, max: 24 }).chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)));
const piece = fc.oneof({ arbitrary: digits, weight: 4 }, { arbitrary: fc.constantFrom(...WORDS), weight: 3 }, { arbitrary: fc.constantFrom(...MARKS), weight: 3 });
const text = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));

describe('figureMatches', () => {
  it('finds what the three figure patterns find, each kind on its own', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = figureMatches(t);
        expect(found.money).toEqual(byPattern(t, MONEY));
        expect(found.percents).toEqual(byPattern(t, PERCENT));
        expect(found.counts).toEqual(byPattern(t, COUNT));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads groups, decimals and the first measure word that follows', () => {
    const found = figureMatches('支出1,234.5万元，增长12.5%，共3场次，12345678901234567890123万元');
    expect(found.money.map((m) => m.digits + m.unit)).toEqual(['1,234.5万元']);
    expect(found.percents.map((m) => m.digits)).toEqual(['12.5']);
    // 场 is tried before 场次, as in the pattern.
    expect(found.counts.map((m) => m.digits + m.unit)).toEqual(['3场']);
  });
});
