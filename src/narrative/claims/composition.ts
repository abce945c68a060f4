import { isThreshold, type Num } from '../numbers.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Extractor } from './context.js';
import type { SentenceAt } from './sentence.js';

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

/** A count presented as a whole of what follows: 共有车辆11辆, 实有在职人数222人 (not 现有专任教师3265人). */
const WHOLE = /共有|共计|合计|总计|总数|实有|共/;
/** A count that is only about so many: 近58000人, 900余个. */
const ABOUT_BEFORE = /(近|约|逾|超过|将近)$/;
const ABOUT_AFTER = /^(余|多)/;

/** What a count counts: the words before it (机要通信用车5辆), else after it (3个国家重点学科). */
function countNoun(at: SentenceAt, n: Num): string {
  const before = at.subject(n).replace(/^(其中|包括|包含|有|：|:)+/, '').replace(/(为|有|共|达)$/, '');
  if (before.length >= 2) return before;
  const rest = at.text.slice(n.end, n.end + 40);
  return rest.slice(0, rest.search(/[，,；;。、(]|$/));
}

/** Longest common ending of some words. */
function commonEnding(words: readonly string[]): string {
  const first = words[0] ?? '';
  let k = 0;
  while (k < first.length && words.every((w) => w.length > k && w[w.length - 1 - k] === first[first.length - 1 - k])) k++;
  return first.slice(first.length - k);
}

/**
 * Counts add up only as parts of one whole: the total presented as a whole (共有, 实有, 合计…), no
 * figure approximate, and the parts of one kind, named with a common ending (机要通信用车,
 * 执法执勤用车, 其他用车; 行政人员, 事业人员) and none said to include another (硕士生导师…(含博导)).
 * Head counts by rank and by role, or 学科门类 with 学位授权点, are not parts of one whole.
 */
function countParts(at: SentenceAt, total: Num, parts: readonly Num[]): boolean {
  const all = [total, ...parts];
  if (!WHOLE.test(at.subject(total))) return false;
  if (all.some((n) => ABOUT_BEFORE.test(at.text.slice(Math.max(0, n.start - 2), n.start)) || ABOUT_AFTER.test(at.text.slice(n.end, n.end + 1)))) return false;
  if (parts.some((n) => /^\(?(含|包括)/.test(at.text.slice(n.end, n.end + 3)))) return false;
  return commonEnding(parts.map((p) => countNoun(at, p))).length >= 2;
}

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
      let listEnd = Math.min(end, at.markOpening(STATEMENT, offset) ?? text.length);
      // A list inside one item of a list separated by ；(其中：…；公务用车购置及运行维护费46万元，其中：购置费28万元，
      // 运行维护费18万元；公务接待费6万元) ends with that item.
      const semicolon = /[；;]/;
      const outer = text.slice(0, offset);
      if (/(其中|包括)[^；;]*[；;]/.test(outer)) {
        const next = text.slice(offset).search(semicolon);
        if (next >= 0) listEnd = Math.min(listEnd, offset + next);
      }
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
      if (total.kind === 'count' && !countParts(at, total, parts)) continue;
      const exhaustive = EXHAUSTIVE.some((words) => at.inOrder(words, offset, end)) || /共有|共计|合计|总额|总计/.test(at.subject(total));
      emit({ kind: 'composition', key: claimKey('composition', [total, ...parts]), sentence: s, uses: [total, ...parts], total: { source: 'text', num: total }, parts, exhaustive });
    }
  },
};
