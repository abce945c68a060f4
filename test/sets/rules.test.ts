import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/load/index.js';
import { partnersOf } from '../../src/sets/check.js';
import { digestOf, type DocumentDigest } from '../../src/sets/digest.js';
import { budgetPrevious } from '../../src/sets/rules/budget-previous.js';
import { finalBudget } from '../../src/sets/rules/final-budget.js';
import { finalPreviousClaims } from '../../src/sets/rules/final-claims.js';
import { finalPrevious } from '../../src/sets/rules/final-previous.js';
import type { SetRule } from '../../src/sets/rules/types.js';
import { claimed2024Text, final2023Text, lastYear2023Text } from '../support/final-pair.js';
import { readFixture } from '../support/fixtures.js';
import { plant } from '../support/fixtures.js';
import { BUDGET_2023, BUDGET_2024, SYNTHETIC } from '../support/planted.js';

/**
 * Each rule across documents on pairs the project's generators make: a 预算 of 示例市示例局 for 2023
 * and 2024 (scripts/fixtures/budget.mjs), the 2024 决算 (scripts/fixtures/synthetic.mjs) and a 2023
 * 决算 made from it, whose closing balances are the 2024 opening ones. Clean, every check passes;
 * with one planted difference, the rule fails naming both documents' cells.
 */

const digest = (file: string, text: string, kind: DocumentDigest['kind']): DocumentDigest => digestOf(documentFromText(file, text), kind);
const budget2023 = (text = readFixture(BUDGET_2023)) => digest(BUDGET_2023, text, 'budget');
const budget2024 = (text = readFixture(BUDGET_2024)) => digest(BUDGET_2024, text, 'budget');

const FINAL_2023 = 'final-2023.txt';
const final2023 = (text = final2023Text()) => digest(FINAL_2023, text, 'final');
const final2024 = (text = readFixture(SYNTHETIC)) => digest(SYNTHETIC, text, 'final');

const statuses = (rule: SetRule, doc: DocumentDigest, other: DocumentDigest) => rule.check(doc, other).map((r) => `${r.key} ${r.status}`);

describe('set-budget-previous: the 比上年 claims of a 预算 against last year’s 预算', () => {
  it('pairs the two budgets by department, kind and year', () => {
    const [a, b] = [budget2023(), budget2024()];
    expect(partnersOf(b, [a, b], {}, 'zh').get('previous')?.other.source).toBe(BUDGET_2023);
    expect(partnersOf(a, [a, b], {}, 'zh').size).toBe(0);
  });

  it('passes every claim of the clean pair: total, fiscal, general, 三公', () => {
    expect(statuses(budgetPrevious, budget2024(), budget2023())).toEqual(['previous/total pass', 'previous/fiscal pass', 'previous/general pass', 'previous/three-public pass']);
  });

  it('fails a claim whose change misstates last year, naming the sentence and last year’s cell', () => {
    // 2024 says 比上年增加145.00万元 on a total of 2,090.00: last year 1,945.00, as 2023 prints.
    const results = budgetPrevious.check(budget2024(plant(readFixture(BUDGET_2024), 6, '145.00', '155.00')), budget2023());
    const failed = results.filter((r) => r.status === 'fail');
    expect(failed.map((r) => [r.key, r.expected, r.actual, r.difference])).toEqual([['previous/total', '1935.00', '1945.00', '10.00']]);
    expect(failed[0]?.locations.map((l) => [l.file, l.line])).toEqual([
      [BUDGET_2024, 6],
      [BUDGET_2023, 38],
    ]);
    expect(failed[0]?.message.zh).toContain(BUDGET_2023);
  });

  it('fails when last year’s table changed instead', () => {
    const results = budgetPrevious.check(budget2024(), budget2023(plant(readFixture(BUDGET_2023), 38, '1,945.00', '1,955.00', 2)));
    expect(results.filter((r) => r.status === 'fail').map((r) => r.key)).toEqual(['previous/total']);
  });
});

describe('set-final-previous: 年初结转和结余 of a 决算 against last year’s 年末', () => {
  it('passes per fund and in total on the clean pair', () => {
    expect(statuses(finalPrevious, final2024(), final2023())).toEqual(['opening-total pass', 'opening-general pass', 'opening-fund pass', 'opening-capital pass']);
  });

  it('fails the fund whose opening differs from last year’s closing, naming both cells', () => {
    const results = finalPrevious.check(final2024(), final2023(plant(final2023Text(), 181, '46.30', '46.40')));
    const failed = results.filter((r) => r.status === 'fail');
    expect(failed.map((r) => [r.key, r.expected, r.actual])).toEqual([['opening-general', '46.40', '46.30']]);
    expect(failed[0]?.locations.map((l) => l.file)).toEqual([SYNTHETIC, FINAL_2023]);
  });
});

describe('set-final-budget: the 三公 预算数 of a 决算 against the same year’s 预算', () => {
  it('pairs the 决算 with the 预算 of its year', () => {
    const [b, f] = [budget2024(), final2024()];
    expect(partnersOf(f, [b, f], {}, 'zh').get('budget')?.other.source).toBe(BUDGET_2024);
  });

  it('passes on the clean pair: 62.00 on both', () => {
    expect(statuses(finalBudget, final2024(), budget2024())).toEqual(['three-public-budget pass']);
  });

  it('fails when the 预算 prints another 三公 budget', () => {
    const results = finalBudget.check(final2024(), budget2024(plant(readFixture(BUDGET_2024), 152, '62.00', '64.00', 2)));
    expect(results.map((r) => [r.status, r.expected, r.actual])).toEqual([['fail', '64.00', '62.00']]);
  });
});

describe('set-final-claims: the 比上年 claims of a 决算 against last year’s 决算', () => {
  it('reads each claim bound to a cell, with the change and the rate as stated', () => {
    const claims = final2024(claimed2024Text()).claims;
    expect(claims.map((c) => [c.key, c.current?.text, c.change?.sign, c.change?.text, c.percent?.text, c.loc.line])).toEqual([
      ['claim1/grand-total', '4372.7', 1, '372.7', '9.32', 318],
      ['claim2/fiscal-grand-total', '3813.8', 1, '313.8', '8.97', 330],
      ['claim3/general-expense', '2580.28', 1, '180.28', '7.51', 334],
      ['claim4/three-public-total', '54.5', -1, '5.5', '9.17', 342],
    ]);
  });

  it('passes every change and rate of the clean pair', () => {
    expect(statuses(finalPreviousClaims, final2024(claimed2024Text()), final2023(lastYear2023Text()))).toEqual([
      'claim1/grand-total pass',
      'claim1/grand-total/percent pass',
      'claim2/fiscal-grand-total pass',
      'claim2/fiscal-grand-total/percent pass',
      'claim3/general-expense pass',
      'claim3/general-expense/percent pass',
      'claim4/three-public-total pass',
      'claim4/three-public-total/percent pass',
    ]);
  });

  it('fails the claim that last year’s 决算 does not bear out, naming both documents and cells', () => {
    const results = finalPreviousClaims.check(final2024(claimed2024Text()), final2023(lastYear2023Text('4,010.00')));
    const failed = results.filter((r) => r.status === 'fail');
    expect(failed.map((r) => [r.key, r.expected, r.actual])).toEqual([
      ['claim1/grand-total', '4000.00', '4010.00'],
      ['claim1/grand-total/percent', '9.32', '9.04'],
    ]);
    expect(failed[0]?.locations.map((l) => [l.file, l.line])).toEqual([
      [SYNTHETIC, 318],
      [FINAL_2023, 60],
    ]);
    expect(failed[0]?.message.zh).toBe(`2024年决算说明称收入支出决算总表“收入总计”4372.7万元、比上年增加372.7万元，即上年为4000.00万元；2023年决算（${FINAL_2023}）收入支出决算总表“收入总计”为4,010.00万元`);
    expect(failed[1]?.message.en).toContain(FINAL_2023);
  });

  it('notes a difference within the rounding of the printed figures as rounding, not an error', () => {
    // 4372.7 − 372.7 = 4000.0 against 4,000.04: within 0.05 + 0.05 + 0.005.
    const results = finalPreviousClaims.check(final2024(claimed2024Text()), final2023(lastYear2023Text('4,000.04')));
    expect(results.filter((r) => r.key.startsWith('claim1/')).map((r) => `${r.key} ${r.status}`)).toEqual(['claim1/grand-total rounding', 'claim1/grand-total/percent pass']);
  });

  it('checks nothing when the 说明 makes no claim on last year (the generated pair)', () => {
    expect(finalPreviousClaims.check(final2024(), final2023())).toEqual([]);
  });
});
