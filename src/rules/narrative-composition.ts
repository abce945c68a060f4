import type { CheckResult } from '../model/finding.js';
import { ZERO } from '../model/number.js';
import type { Rule } from './types.js';
import { claimsOfKind, money2, narrativeResult, valueOf } from './support/narrative.js';

/**
 * 总额X，其中a、b、c: listed parts add up to the total when the list is complete by nature
 * (基本支出 + 项目支出; 货物 + 工程 + 服务; a total called 共有/合计); a list that may be partial may
 * not exceed the total.
 */
export const narrativeComposition: Rule = {
  meta: {
    id: 'narrative-composition',
    title: { zh: '“其中”所列各项与总额相符', en: 'Listed parts agree with their total' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      sum: { zh: '{total}其中所列 {parts} 合计 {sum}，与总额相差 {difference}', en: 'The parts {parts} of {total} sum to {sum}, {difference} off the total' },
      exceed: { zh: '{total}其中所列 {parts} 合计 {sum}，超过总额 {difference}', en: 'The parts {parts} of {total} sum to {sum}, {difference} more than the total' },
      rounding: { zh: '{total}其中所列 {parts} 合计 {sum}，相差 {difference}，在尾数容差 ±{tolerance} 以内（尾数误差）', en: 'The parts {parts} of {total} sum to {sum}: {difference} off, within the rounding tolerance ±{tolerance}' },
      ok: { zh: '{total}其中所列 {parts} 合计 {sum}', en: 'The parts {parts} of {total} sum to {sum}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'composition')) {
      const total = valueOf(doc, claim.total);
      if (!total.ok) continue;
      let sum = ZERO;
      let tolerance = total.value.half;
      for (const p of claim.parts) {
        sum = sum.plus(p.value);
        tolerance = tolerance.plus(p.half);
      }
      const difference = sum.minus(total.value.value);
      const params = {
        total: total.value.text,
        parts: claim.parts.map((p) => p.text).join(' + '),
        sum: money2(sum),
        difference: money2(difference.abs()),
        tolerance: money2(tolerance),
      };
      const locations = [total.value.loc, ...claim.parts.map((p) => p.loc)];
      const numbers = { expected: total.value.value, actual: sum, difference, tolerance };
      if (difference.isZero() || (!claim.exhaustive && difference.lt(0))) {
        results.push(narrativeResult(claim, 'pass', 'ok', params, locations, numbers));
      } else if (difference.abs().lte(tolerance)) {
        results.push(narrativeResult(claim, 'rounding', 'rounding', params, locations, numbers));
      } else {
        results.push(narrativeResult(claim, 'fail', difference.gt(0) ? 'exceed' : 'sum', params, locations, numbers));
      }
    }
    return results;
  },
};
