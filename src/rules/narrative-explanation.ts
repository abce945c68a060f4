import type { CheckResult } from '../model/finding.js';
import { ZERO } from '../model/number.js';
import type { Rule } from './types.js';
import { claimsOfKind, money2, narrativeResult } from './support/narrative.js';

/**
 * The amounts given as the reason for an item's difference from its budget (主要原因是：…A万元、
 * B万元) against that difference. They need not add up — a reason may be partial or offset by
 * others — so a gap is a note for the reader, never an error; a list that reconciles is checked.
 */
export const narrativeExplanation: Rule = {
  meta: {
    id: 'narrative-explanation',
    title: { zh: '原因说明中的金额与决算、预算差额相符', en: 'Amounts given as reasons reconcile with the change they explain' },
    severity: 'info',
    tags: ['narrative'],
    tables: [],
    messages: {
      gap: { zh: '原因中列出的金额合计 {sum}，而决算数 {actual} 与年初预算数 {budget} 相差 {change}（原因可能未列全或含抵减）', en: 'The amounts given as reasons sum to {sum}, while the actual {actual} and the budget {budget} differ by {change} (the reasons may be partial or offset)' },
      ok: { zh: '原因中列出的金额合计 {sum}，与决算、预算差额 {change} 相符', en: 'The amounts given as reasons sum to {sum}, matching the change {change}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'explanation')) {
      let sum = ZERO;
      let tolerance = claim.budget.half.plus(claim.actual.half);
      for (const p of claim.parts) {
        sum = sum.plus(p.value);
        tolerance = tolerance.plus(p.half);
      }
      const change = claim.actual.value.minus(claim.budget.value).abs();
      const difference = sum.minus(change);
      const params = { sum: money2(sum), actual: claim.actual.text, budget: claim.budget.text, change: money2(change) };
      const ok = difference.abs().lte(tolerance) || (claim.partial && difference.lte(tolerance));
      const locations = claim.parts.map((p) => p.loc);
      results.push(narrativeResult(claim, ok ? 'pass' : 'fail', ok ? 'ok' : 'gap', params, locations, { expected: change, actual: sum, difference, tolerance }));
    }
    return results;
  },
};
