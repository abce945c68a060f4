import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import { ACTUAL, BUDGET } from './sentence.js';

/** 年初预算为A，(全年预算为F，)支出决算为B，完成年初预算的C%. */
export interface CompletionClaim extends ClaimBase {
  kind: 'completion';
  /** The budget the rate names (年初预算, 全年预算) or, for 完成预算, the one stated. */
  budget: Num;
  actual: Num;
  percent: Num;
  /** Which budget the words name: 年初, 全年 (or 调整后), or just 预算. */
  named: 'initial' | 'full' | 'any';
  /** The other budget stated beside it (全年预算 beside 年初预算), tried when the words allow either. */
  other?: Num;
}

const INITIAL = (subject: string): boolean => /年初预算(数)?(为|是)?$/.test(subject);
const FULL = (subject: string): boolean => /(全年|调整后?|调整)预算(数)?(为|是)?$/.test(subject);
const PLAIN = (subject: string): boolean => BUDGET(subject) && !INITIAL(subject) && !FULL(subject);

/** 完成(年初/全年)预算的C%, with the budget and actual figures stated before it in the sentence. */
export const completion: Extractor<CompletionClaim> = {
  kind: 'completion',
  rule: 'narrative-completion',
  extract(at, _ctx, emit) {
    const { s, text } = at;
    let from = 0;
    for (const p of at.percents) {
      if (at.full) return;
      const head = /完成(年初|全年|调整后?)?预算(数)?(的)?$/.exec(text.slice(Math.max(0, p.start - 12), p.start));
      if (!head) continue;
      // Each rate goes with the figures stated since the previous rate of the sentence.
      const since = from;
      from = p.end;
      const initial = at.lastMoney(p.start, INITIAL, since);
      const full = at.lastMoney(p.start, FULL, since);
      const plain = at.lastMoney(p.start, PLAIN, since);
      const named = head[1] === '年初' ? 'initial' : head[1] ? 'full' : 'any';
      // The budget the words name; a rate of the 年初预算 is never read against the 全年预算.
      const budget = named === 'initial' ? (initial ?? plain) : named === 'full' ? (full ?? plain) : (initial ?? full ?? plain);
      const other = named === 'full' ? undefined : budget === initial ? full : undefined;
      const actual = at.lastMoney(p.start, ACTUAL, since);
      if (!budget || !actual) continue;
      const uses = [budget, ...(other ? [other] : []), actual, p];
      emit({ kind: 'completion', key: claimKey('completion', [p]), sentence: s, uses, budget, actual, percent: p, named, ...(other ? { other } : {}) });
    }
  },
};
