import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../../src/engine/run.js';
import { claimsOf } from '../../src/narrative/claims/index.js';
import { locAt } from '../../src/narrative/text.js';
import { checkText, loadText, plant, readFixture } from '../support/fixtures.js';

/**
 * A 部门预算 说明 names the figures of its own tables in its own words (收入预算总计, 基本支出预算数,
 * 财政拨款收、支预算, 因公出国（境）费预算支出…): a hand-made 说明 in the wordings of the 江苏 budgets,
 * over the generated budget's tables.
 */
const FILE = 'fixtures/narrative/budget-wording.txt';
const TEXT = readFixture(FILE);

const check = (text = TEXT): CheckedDocument => checkText(text, FILE);
const reported = (doc: CheckedDocument) =>
  doc.findings.filter((f) => f.rule.startsWith('narrative-') && f.severity !== 'info').map((f) => `${f.rule} ${f.locations[0]?.line}: ${f.message}`);
const bound = (text = TEXT) =>
  claimsOf(loadText(text, FILE)).claims.flatMap((c) => (c.kind === 'amount' ? [`${locAt(c.sentence, c.num.start).line}:${c.num.text} ${c.target.binding.table}:${c.target.binding.row}:${c.target.binding.column}`] : []));

describe('a budget 说明’s figures against its own tables', () => {
  it('binds each wording to its table and reports nothing when they agree', () => {
    expect(reported(check())).toEqual([]);
    expect(bound()).toEqual(
      expect.arrayContaining([
        '7:1,850.00万元 budget-summary:income:general:amount',
        '7:200.00万元 budget-summary:income:fund:amount',
        '7:0万元 budget-summary:income:special:amount',
        '7:40.00万元 budget-summary:income:other:amount',
        '8:2,090.00万元 budget-summary:expense:total:amount',
        '9:1,540.00万元 budget-summary:expense:basic:amount',
        '10:500.00万元 budget-summary:expense:project:amount',
        '11:50.00万元 budget-summary:expense:reserve:amount',
        '13:2,050.00万元 budget-fiscal-summary:income:total:amount',
        '15:2,050.00万元 budget-fiscal-expense:total:amount',
        '18:1,500.00万元 budget-fiscal-basic:total:amount',
        '20:1,850.00万元 budget-general-expense:total:amount',
        '22:1,500.00万元 budget-general-basic:total:amount',
        '24:62.00万元 budget-three-public:total:three-total',
        '24:10.00万元 budget-three-public:total:abroad',
        '24:46.00万元 budget-three-public:total:vehicle',
        '24:28.00万元 budget-three-public:total:purchase',
        '24:18.00万元 budget-three-public:total:operation',
        '24:6.00万元 budget-three-public:total:reception',
        '25:25.00万元 budget-three-public:total:meeting',
        '26:15.00万元 budget-three-public:total:training',
        '27:10.00万元 budget-three-public:total:abroad',
        '29:200.00万元 budget-running:total:amount',
        '31:80.00万元 budget-procurement:expense:total:amount',
      ]),
    );
  });

  it('leaves a bare 基本支出 under a 财政拨款 heading unbound: it is not the 收支预算总表’s', () => {
    expect(bound().filter((b) => b.startsWith('16:'))).toEqual([]);
  });

  it('reports a figure that differs from its table, at its line', () => {
    const slip = check(plant(TEXT, 10, '项目支出预算数为500.00万元', '项目支出预算数为505.00万元'));
    expect(reported(slip)).toEqual([expect.stringMatching(/^narrative-amount 10: .*505\.00万元/)]);
    const three = check(plant(TEXT, 24, '公务接待费预算支出6.00万元', '公务接待费预算支出7.00万元'));
    expect(reported(three)).toEqual([expect.stringMatching(/^narrative-amount 24: .*7\.00万元/)]);
  });

  it('ends a list inside one item of a list separated by ；: the 公务用车 parts are not summed with 公务接待费', () => {
    expect(reported(check()).filter((f) => f.startsWith('narrative-composition'))).toEqual([]);
    const parts = check(plant(TEXT, 24, '公务用车运行维护费18.00万元', '公务用车运行维护费19.00万元'));
    expect(reported(parts)).toEqual(expect.arrayContaining([expect.stringMatching(/^narrative-composition 24: 46\.00万元.*28\.00万元 \+ 19\.00万元/)]));
  });
});
