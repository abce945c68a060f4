import type { CheckResult } from '../model/finding.js';
import { D } from '../model/number.js';
import type { Rule } from './types.js';
import { claimsOfKind, money2, narrativeResult } from './support/narrative.js';

/** “基本持平” is said of near-equal figures; beyond this share of the budget it is doubtful. */
export const FLAT_SHARE = new D('0.05');

/**
 * 决算数大于/小于/等于 预算数 and 基本持平 agree with the budget and actual figures of the item,
 * judged on the figures as printed: 大于 needs B > A, 小于 B < A, 等于 B = A. Where the printed
 * figures are equal but the word says 大于/小于, or differ within their rounding but the word says
 * 等于, the word may rest on the unrounded amounts: a rounding note, not an error. 基本持平 beyond
 * 5% of the budget is a warning (the phrase is loose).
 */
export const narrativeDirection: Rule = {
  meta: {
    id: 'narrative-direction',
    title: { zh: '“大于/小于/等于/持平”与金额相符', en: 'Comparison words agree with the figures' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      wrong: { zh: '文中称“{printed}”，但决算数 {actual} {relation}年初预算数 {budget}', en: 'The text says “{printed}”, but the actual {actual} is {relation} the budget {budget}' },
      rounding: {
        zh: '文中称“{printed}”，所列决算数 {actual} 与年初预算数 {budget} 相差 {difference}，在尾数容差 ±{tolerance} 以内（比较可能依据未舍入的金额）',
        en: 'The text says “{printed}”; the printed actual {actual} and budget {budget} differ by {difference}, within the rounding tolerance ±{tolerance} (the comparison may rest on unrounded amounts)',
      },
      flat: { zh: '文中称“{printed}”，但决算数 {actual} 与年初预算数 {budget} 相差 {difference}（{share}）', en: 'The text says “{printed}”, but the actual {actual} differs from the budget {budget} by {difference} ({share})' },
      ok: { zh: '“{printed}”与决算数 {actual}、年初预算数 {budget} 相符', en: '“{printed}” agrees with the actual {actual} and the budget {budget}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'direction')) {
      const a = claim.budget;
      const b = claim.actual;
      const tolerance = a.half.plus(b.half);
      const difference = b.value.minus(a.value);
      const relation = difference.isZero() ? { zh: '等于', en: 'equal to' } : difference.gt(0) ? { zh: '大于', en: 'greater than' } : { zh: '小于', en: 'less than' };
      const params = { printed: claim.printed, actual: b.text, budget: a.text, relation, difference: money2(difference.abs()), tolerance: money2(tolerance) };
      const locations = [b.loc, a.loc];
      const numbers = { expected: a.value, actual: b.value, difference, tolerance };
      let ok: boolean;
      switch (claim.word) {
        case 'gt':
          ok = difference.gt(0);
          break;
        case 'lt':
          ok = difference.lt(0);
          break;
        case 'eq':
          ok = difference.isZero();
          break;
        case 'flat': {
          const base = a.value.abs();
          const share = base.isZero() ? (difference.isZero() ? new D(0) : new D(1)) : difference.abs().div(base);
          if (share.lte(FLAT_SHARE)) {
            results.push(narrativeResult(claim, 'pass', 'ok', params, locations, numbers));
          } else {
            const pct = `${share.times(100).toFixed(1)}%`;
            results.push(narrativeResult(claim, 'fail', 'flat', { ...params, share: pct }, locations, { ...numbers, severity: 'warning' }));
          }
          continue;
        }
        default: {
          const never: never = claim.word;
          throw new Error(`unknown word ${String(never)}`);
        }
      }
      // Printed figures equal under 大于/小于, or apart within rounding under 等于: the word may hold unrounded.
      const near = claim.word === 'eq' ? difference.abs().lte(tolerance) : difference.isZero();
      const status = ok ? 'pass' : near ? 'rounding' : 'fail';
      results.push(narrativeResult(claim, status, status === 'pass' ? 'ok' : status === 'rounding' ? 'rounding' : 'wrong', params, locations, numbers));
    }
    return results;
  },
};
