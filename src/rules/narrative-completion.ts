import type { CheckResult } from '../model/finding.js';
import { interval, percentOf } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import { narrativeResult, claimsOfKind } from './support/narrative.js';
import { PERCENT_MESSAGES, percentResult } from './support/percent.js';

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
      const range = percentOf(interval(claim.actual.value, claim.actual.half), interval(claim.budget.value, claim.budget.half));
      if (!range) continue;
      const exact = claim.actual.value.div(claim.budget.value).times(100);
      const subject = { zh: `完成年初预算的比例（${claim.actual.text} / ${claim.budget.text}）`, en: `the completion rate (${claim.actual.text} / ${claim.budget.text})` };
      results.push(percentResult(claim, claim.percent, exact, range, { subject }, locations));
    }
    return results;
  },
};
