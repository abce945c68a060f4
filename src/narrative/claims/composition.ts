import { isThreshold, type Num } from '../numbers.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Extractor } from './context.js';
import { parenDepth, subjectBefore } from './subject.js';

/** 总额X，其中a、b、c. `exhaustive`: the parts are all of it (基本+项目; 货物+工程+服务). */
export interface CompositionClaim extends ClaimBase {
  kind: 'composition';
  total: Side;
  parts: Num[];
  exhaustive: boolean;
}

const EXHAUSTIVE: RegExp[] = [/基本支出.*项目支出/, /货物.*工程.*服务/, /工程.*货物.*服务/];

/** 总额X，其中/包含/包括 a、b、c: the listed parts against the total just before the list. */
export const composition: Extractor<CompositionClaim> = {
  kind: 'composition',
  rule: 'narrative-composition',
  extract({ s, nums }, _ctx, emit) {
    for (const m of s.text.matchAll(/其中包括|其中|包含|包括/g)) {
      const at = m.index ?? 0;
      const total = [...nums].reverse().find((n) => (n.kind === 'money' || n.kind === 'count') && n.end <= at && at - n.end < 8);
      if (!total) continue;
      const end = (() => {
        const close = s.text.indexOf(')', at);
        const open = s.text.lastIndexOf('(', at);
        return open >= 0 && open > total.end - 1 && close > at ? close : s.text.length;
      })();
      // The list ends at a clause that starts another statement: a year, or a verb of its own.
      const stop = /[，,；;](?=[^，,；;]*?(20\d{2}年|涉及|通过|完成|实现|提供|发放|带动|组织|举办|用于|支付))/g;
      stop.lastIndex = at;
      const firstStop = stop.exec(s.text);
      const listEnd = Math.min(end, firstStop ? firstStop.index : s.text.length);
      // A part's own breakdown in parentheses is not another part.
      const depth = parenDepth(s, at);
      const parts = nums.filter(
        (n) => n.kind === total.kind && n.unit === total.unit && n.start > at && n.end <= listEnd && !isThreshold(s, n) && parenDepth(s, n.start) === depth,
      );
      // Parts followed by 占X% are shares of the total, listed the same way.
      if (parts.length < 2) continue;
      if (parts.some((p) => p.kind === 'money' && /扣减|调减|增加|减少/.test(subjectBefore(s, p)) && !/扣减/.test(s.text.slice(total.start - 6, total.start)))) continue;
      const listed = s.text.slice(at, end);
      const exhaustive = EXHAUSTIVE.some((re) => re.test(listed)) || /共有|共计|合计|总额|总计/.test(subjectBefore(s, total));
      emit({ kind: 'composition', key: claimKey('composition', [total, ...parts]), sentence: s, uses: [total, ...parts], total: { source: 'text', num: total }, parts, exhaustive });
    }
  },
};
