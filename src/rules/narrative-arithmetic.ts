import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { claimsOfKind, money2, narrativeResult } from './support/narrative.js';

/**
 * 绩效 project lines: 金额A，调减B（或调增），实际支出C，结余结转D: A − B = C + D (A + B for an
 * increase). Without a 结余 figure, the spending may not exceed the adjusted amount.
 */
export const narrativeArithmetic: Rule = {
  meta: {
    id: 'narrative-arithmetic',
    title: { zh: '项目金额、调整、实际支出与结余结转相符', en: 'Project amount, adjustment, spending and balance agree' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      sum: { zh: '金额 {amount}{adjust}，应等于实际支出 {spent} + 结余结转 {balance}（即 {expected}），实为 {actual}，相差 {difference}', en: 'Amount {amount}{adjust} must equal spending {spent} + balance {balance} ({expected}); it is {actual}, {difference} off' },
      exceed: { zh: '实际支出 {spent} 超过金额 {amount}{adjust}（即 {actual}）', en: 'Spending {spent} exceeds the amount {amount}{adjust} ({actual})' },
      rounding: { zh: '金额 {amount}{adjust} 与实际支出 {spent} + 结余结转 {balance} 相差 {difference}，在尾数容差 ±{tolerance} 以内', en: 'Amount {amount}{adjust} and spending {spent} + balance {balance} differ by {difference}, within ±{tolerance}' },
      ok: { zh: '金额 {amount}{adjust} = 实际支出 {spent} + 结余结转 {balance}', en: 'Amount {amount}{adjust} = spending {spent} + balance {balance}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'arithmetic')) {
      const { amount, adjust, spent, balance } = claim;
      let available = amount.value;
      let tolerance = amount.half.plus(spent.half);
      if (adjust) {
        available = claim.rise ? available.plus(adjust.value) : available.minus(adjust.value);
        tolerance = tolerance.plus(adjust.half);
      }
      const adjustText = adjust ? { zh: `${claim.rise ? '调增' : '调减'} ${adjust.text}`, en: ` ${claim.rise ? '+' : '−'} ${adjust.text}` } : '';
      const locations = [amount.loc, spent.loc, ...(adjust ? [adjust.loc] : []), ...(balance ? [balance.loc] : [])];
      if (!balance) {
        const excess = spent.value.minus(available);
        const params = { amount: amount.text, adjust: adjustText, spent: spent.text, actual: money2(available) };
        const ok = excess.lte(tolerance);
        results.push(narrativeResult(claim, ok ? 'pass' : 'fail', ok ? 'ok' : 'exceed', { ...params, balance: '—' }, locations, { expected: available, actual: spent.value, difference: excess, tolerance }));
        continue;
      }
      tolerance = tolerance.plus(balance.half);
      const used = spent.value.plus(balance.value);
      const difference = available.minus(used);
      const params = {
        amount: amount.text,
        adjust: adjustText,
        spent: spent.text,
        balance: balance.text,
        expected: money2(used),
        actual: money2(available),
        difference: money2(difference.abs()),
        tolerance: money2(tolerance),
      };
      const numbers = { expected: used, actual: available, difference, tolerance };
      const status = difference.isZero() ? 'pass' : difference.abs().lte(tolerance) ? 'rounding' : 'fail';
      results.push(narrativeResult(claim, status, status === 'pass' ? 'ok' : status === 'rounding' ? 'rounding' : 'sum', params, locations, numbers));
    }
    return results;
  },
};
