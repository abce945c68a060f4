import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import { ACTUAL, BUDGET, lastMoney } from './subject.js';

/** 年初预算为A，支出决算为B，完成年初预算的C%. */
export interface CompletionClaim extends ClaimBase {
  kind: 'completion';
  budget: Num;
  actual: Num;
  percent: Num;
}

/** 完成(年初)预算的C%, with the budget and actual figures of the same sentence or item. */
export const completion: Extractor<CompletionClaim> = {
  kind: 'completion',
  rule: 'narrative-completion',
  extract({ s, nums }, ctx, emit) {
    let from = 0;
    for (const p of nums) {
      if (p.kind !== 'percent') continue;
      const head = s.text.slice(Math.max(0, p.start - 12), p.start);
      if (!/完成(年初)?预算(数)?(的)?$/.test(head)) continue;
      // Each rate goes with the figures stated since the previous rate of the sentence.
      const since = nums.filter((n) => n.start >= from);
      from = p.end;
      const first = since === nums;
      const budget = lastMoney(since, p.start, BUDGET, s) ?? (first ? ctx.item?.budget : undefined);
      const actual = lastMoney(since, p.start, ACTUAL, s) ?? (first ? ctx.item?.actual : undefined);
      if (!budget || !actual) continue;
      emit({ kind: 'completion', key: claimKey('completion', [p]), sentence: s, uses: [budget, actual, p], budget, actual, percent: p });
    }
  },
};
