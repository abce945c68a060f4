import type { CheckResult } from '../model/finding.js';
import { interval, percentOf } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import type { CompletionClaim } from '../narrative/claims/completion.js';
import { claimsOfKind, fromNum, narrativeResult, readings, type Value } from './support/narrative.js';
import { firstHolding, PERCENT_MESSAGES, percentResult } from './support/percent.js';

/**
 * 年初预算为A，支出决算为B，完成年初预算的C%: C recomputes from B / A (the budget the words name:
 * 年初预算, 全年预算, or either for 完成预算). A completion rate of a zero 年初预算 is an error (there
 * is nothing to complete); when the rate is that of the 全年预算 stated beside it, the message says so.
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
      zeroFull: {
        zh: '年初预算为 {budget}，却写有完成年初预算的 {printed}：年初预算为零时不存在完成率；{printed} 是全年预算 {full} 的完成率（{actual} / {full}）',
        en: 'The initial budget is {budget}, yet a rate of {printed} of it is given: a zero budget has no completion rate; {printed} is the rate of the full-year budget {full} ({actual} / {full})',
      },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'completion')) {
      const locations = [claim.percent.loc, claim.budget.loc, claim.actual.loc];
      const budgets = claim.named === 'any' && claim.other ? [claim.budget, claim.other] : [claim.budget];
      if (claim.budget.value.isZero() && budgets.length === 1) {
        const other = claim.other && !claim.other.value.isZero() ? claim.other : undefined;
        const full = other ? completion(claim, fromNum(claim.actual), fromNum(other)) : undefined;
        const ofFull = other && full && (full.status === 'pass' || full.status === 'rounding') ? other : undefined;
        const params = { budget: claim.budget.text, printed: claim.percent.text, ...(ofFull ? { full: ofFull.text, actual: claim.actual.text } : {}) };
        results.push(narrativeResult(claim, 'fail', ofFull ? 'zeroFull' : 'zero', params, ofFull ? [...locations, ofFull.loc] : locations, { actual: claim.percent.value }));
        continue;
      }
      // When a figure misstates its table cell (narrative-amount's finding), the rate may hold against the table's.
      const attempts = readings(doc, claim.actual).flatMap((actual) =>
        budgets.filter((b) => !b.value.isZero()).flatMap((b) => readings(doc, b).map((budget) => () => completion(claim, actual, budget))),
      );
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
  const named = claim.named === 'initial' ? '年初预算' : claim.named === 'full' ? '全年预算' : '预算';
  const subject = { zh: `完成${named}的比例（${actual.text} / ${budget.text}）`, en: `the completion rate (${actual.text} / ${budget.text})` };
  return percentResult(claim, claim.percent, exact, range, { subject }, [claim.percent.loc, budget.loc, actual.loc]);
}
