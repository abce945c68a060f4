import type { CheckResult } from '../model/finding.js';
import { interval, percentOf } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import type { CompletionClaim } from '../narrative/claims/completion.js';
import { narrativeResult, claimsOfKind, readings, type Value } from './support/narrative.js';
import { firstHolding, PERCENT_MESSAGES, percentResult } from './support/percent.js';

/**
 * 年初预算为A，支出决算为B，完成年初预算的C%: C recomputes from B / A. A completion rate of a zero
 * budget is an error (there is nothing to complete).
 */
export const narrativeCompletion: Rule = {
  meta: {
    id: 'narrative-completion',
    title: { zh: '预算完成率可由预算数与决算数复算', en: 'Budget completion rates recompute' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      ...PERCENT_MESSAGES,
      zero: { zh: '年初预算为 {budget}，却写有完成年初预算的 {printed}：预算为零时不存在完成率', en: 'The budget is {budget}, yet a completion rate of {printed} is given: a zero budget has no completion rate' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'completion')) {
      const locations = [claim.percent.loc, claim.budget.loc, claim.actual.loc];
      if (claim.budget.value.isZero()) {
        results.push(narrativeResult(claim, 'fail', 'zero', { budget: claim.budget.text, printed: claim.percent.text }, locations, { actual: claim.percent.value }));
        continue;
      }
      // When a figure misstates its table cell (narrative-amount's finding), the rate may hold against the table's.
      const attempts = readings(doc, claim.actual).flatMap((actual) => readings(doc, claim.budget).map((budget) => () => completion(claim, actual, budget)));
      const result = firstHolding(attempts);
      if (result) results.push(result);
    }
    return results;
  },
};

/** The printed completion rate against actual / budget, in one reading of the two figures. */
function completion(claim: CompletionClaim, actual: Value, budget: Value): CheckResult | undefined {
  const range = percentOf(interval(actual.value, actual.half), interval(budget.value, budget.half));
  if (!range) return undefined;
  const exact = actual.value.div(budget.value).times(100);
  const subject = { zh: `完成年初预算的比例（${actual.text} / ${budget.text}）`, en: `the completion rate (${actual.text} / ${budget.text})` };
  return percentResult(claim, claim.percent, exact, range, { subject }, [claim.percent.loc, budget.loc, actual.loc]);
}
