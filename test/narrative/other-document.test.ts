import { describe, expect, it } from 'vitest';
import { otherDocumentClaims } from '../../src/narrative/other-document.js';
import { loadText, plant, readFixture, ZHUZHOU } from '../support/fixtures.js';

const text = readFixture(ZHUZHOU);
const summary = (t: string) =>
  otherDocumentClaims(loadText(t)).map((c) => `${c.location.line} ${c.needs} ${c.versus} ${c.current?.text ?? '-'} ${c.change?.rise ? '+' : '-'}${c.change?.text ?? ''} ${c.percent?.text ?? '-'} ${c.checkedWithin ? 'checked' : 'unchecked'}`);

describe('comparisons that rest on another document', () => {
  it('lists every comparison with last year or the budget, with its stated figures and whether they were checked here', () => {
    expect(summary(text)).toEqual([
      '463 previous-year 与上年相比 9205.13万元 -3435.84万元 27.2% checked',
      '475 previous-year 与上年相比 9205.13万元 -3435.84万元 27.2% checked',
      '481 previous-year 与上年相比 9205.13万元 -1798.45万元 16.3% checked',
      '639 previous-year 与上年相比 13.21万元 +2.49万元 23.2% checked',
      '643 previous-year 与上年相比 23.91万元 -17.94万元 42.9% checked',
      // 比年初预算数增加1.21万元，基本持平: the 机关运行经费 budget is in the 预算, not in these tables.
      '667 budget 比年初预算数 905.66万元 +1.21万元 - unchecked',
      '667 previous-year 比上年决算数 905.66万元 +80.08万元 9.7% checked',
    ]);
  });

  it('a change stated without its percentage cannot be checked without last year’s accounts', () => {
    const planted = plant(text, 639, '与上年相比增加2.49万元，增加23.2%', '与上年相比增加2.49万元');
    expect(summary(planted)).toContain('639 previous-year 与上年相比 13.21万元 +2.49万元 - unchecked');
  });

  it('binds this year’s figure to its table cell where the words name one, and stays plain data', () => {
    const claims = otherDocumentClaims(loadText(text));
    expect(claims[2]?.binding).toEqual({ table: 'general-budget-expense', row: 'total', column: 'total' });
    expect(JSON.parse(JSON.stringify(claims))).toEqual(claims);
  });
});

describe('zjs claims', () => {
  it('counts and lists the comparisons that need another document', async () => {
    const { run } = await import('../support/cli.js');
    const json = await run(['claims', ZHUZHOU, '-f', 'json']);
    const [doc] = JSON.parse(json.stdout) as Array<{ counts: { needsOtherDocument: number }; needsOtherDocument: unknown[] }>;
    expect(doc?.counts.needsOtherDocument).toBe(1);
    expect(doc?.needsOtherDocument).toHaveLength(7);
    const text = await run(['claims', ZHUZHOU]);
    expect(text.stdout).toMatch(/需要上年决算或本年预算才能核对、本次未核对的比较（1 个）：\n.*:667 {2}\[预算\]/);
  });
});
