import { isThreshold, type Num } from '../numbers.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Extractor } from './context.js';

/** 总额X，其中a、b、c. `exhaustive`: the parts are all of it (基本+项目; 货物+工程+服务). */
export interface CompositionClaim extends ClaimBase {
  kind: 'composition';
  total: Side;
  parts: Num[];
  exhaustive: boolean;
}

/** Lists that are all of their total: 基本支出…项目支出, 货物…工程…服务 (as /基本支出.*项目支出/ finds them). */
const EXHAUSTIVE: string[][] = [
  ['基本支出', '项目支出'],
  ['货物', '工程', '服务'],
  ['工程', '货物', '服务'],
];
/** Words that open a statement of their own, ending a list (global: every clause is searched once). */
const STATEMENT = /20\d{2}年|涉及|通过|完成|实现|提供|发放|带动|组织|举办|用于|支付/g;
/** How close before 其中 its total stands. */
const REACH = 8;

const CUT = (subject: string): boolean => /扣减|调减|增加|减少/.test(subject);

/** 总额X，其中/包含/包括 a、b、c: the listed parts against the total just before the list. */
export const composition: Extractor<CompositionClaim> = {
  kind: 'composition',
  rule: 'narrative-composition',
  extract(at, _ctx, emit) {
    const { s, text, nums } = at;
    for (const m of text.matchAll(/其中包括|其中|包含|包括/g)) {
      if (at.full) return;
      const offset = m.index ?? 0;
      let total: Num | undefined;
      for (let i = at.lastEndingAt(nums, offset); i >= 0 && !total; i--) {
        const n = nums[i];
        if (!n || offset - n.end >= REACH) break;
        if (n.kind === 'money' || n.kind === 'count') total = n;
      }
      if (!total) continue;
      const close = at.find(')', offset) ?? -1;
      const open = at.lastEndingBy('(', offset + 1);
      const end = open >= 0 && open > total.end - 1 && close > offset ? close : text.length;
      // The list ends at a clause that starts another statement: a year, or a verb of its own.
      const listEnd = Math.min(end, at.markOpening(STATEMENT, offset) ?? text.length);
      // A part's own breakdown in parentheses is not another part.
      const depth = at.depth(offset);
      const parts: Num[] = [];
      for (let i = at.firstAfter(nums, offset); i < nums.length; i++) {
        const n = nums[i];
        if (!n || n.end > listEnd) break;
        at.work.steps++;
        if (n.kind === total.kind && n.unit === total.unit && !isThreshold(s, n) && at.depth(n.start) === depth) parts.push(n);
      }
      // Parts followed by 占X% are shares of the total, listed the same way.
      if (parts.length < 2) continue;
      if (parts.some((p) => p.kind === 'money' && at.is('cut', p, CUT) && !/扣减/.test(text.slice(total.start - 6, total.start)))) continue;
      const exhaustive = EXHAUSTIVE.some((words) => at.inOrder(words, offset, end)) || /共有|共计|合计|总额|总计/.test(at.subject(total));
      emit({ kind: 'composition', key: claimKey('composition', [total, ...parts]), sentence: s, uses: [total, ...parts], total: { source: 'text', num: total }, parts, exhaustive });
    }
  },
};
