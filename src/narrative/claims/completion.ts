import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import { ACTUAL, BUDGET } from './sentence.js';

/** 年初预算为A，支出决算为B，完成年初预算的C%. */
export interface CompletionClaim extends ClaimBase {
  kind: 'completion';
  budget: Num;
  actual: Num;
  percent: Num;
}

/** 完成(年初)预算的C%, with the budget and actual figures stated before it in the sentence. */
export const completion: Extractor<CompletionClaim> = {
  kind: 'completion',
  rule: 'narrative-completion',
  extract(at, _ctx, emit) {
    const { s, text } = at;
    let from = 0;
    for (const p of at.percents) {
      if (at.full) return;
      const head = text.slice(Math.max(0, p.start - 12), p.start);
      if (!/完成(年初)?预算(数)?(的)?$/.test(head)) continue;
      // Each rate goes with the figures stated since the previous rate of the sentence.
      const since = from;
      from = p.end;
      const budget = at.lastMoney(p.start, BUDGET, since);
      const actual = at.lastMoney(p.start, ACTUAL, since);
      if (!budget || !actual) continue;
      emit({ kind: 'completion', key: claimKey('completion', [p]), sentence: s, uses: [budget, actual, p], budget, actual, percent: p });
    }
  },
};
