import { bindSubject, type Scope } from '../bind.js';
import type { Num } from '../numbers.js';
import type { Sentence } from '../text.js';
import { cellOf } from './cells.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Context, Extractor } from './context.js';
import { subjectBefore } from './subject.js';

/** 占X%: part / whole. */
export interface ShareClaim extends ClaimBase {
  kind: 'share';
  part: Side;
  whole: Side;
  percent: Num;
}

/** Explicit wholes after 占: “占本年支出合计的”, “占基本支出的”, “占政府采购支出总额的”. */
function wholeNamed(s: Sentence, named: string, nums: Num[], part: Num, scope: Scope, ctx: Context): Side | undefined {
  const noun = named.replace(/的$/, '');
  if (noun === '') return undefined;
  // A figure stated earlier in the sentence under that name.
  const stated = nums.find((n) => n.kind === 'money' && n !== part && n.start < part.start && subjectBefore(s, n).endsWith(noun.replace(/总额$/, '')));
  if (stated) return { source: 'text', num: stated };
  const core = noun.replace(/总额$/, '').replace(/支出$/, '');
  const statedTotal = nums.find((n) => n.kind === 'money' && n !== part && subjectBefore(s, n).includes(core));
  if (statedTotal) return { source: 'text', num: statedTotal };
  // Stated in an earlier sentence of the same section.
  const earlier =
    [...ctx.stated].reverse().find((x) => x.subject.endsWith(noun)) ??
    [...ctx.stated].reverse().find((x) => x.subject.includes(core) && /总额|总计|合计/.test(x.subject));
  if (earlier) return { source: 'text', num: earlier.num };
  if (/一般公共预算项目支出总额|一般公共预算财政拨款项目支出/.test(noun)) return cellOf(ctx.doc, { table: 'general-budget-expense', row: 'total', column: 'project', name: noun });
  const binding = bindSubject(noun, scope);
  return binding ? cellOf(ctx.doc, binding) : undefined;
}

/** 占X%: the part is the figure just before 占; the whole is named after it or leads the sentence. */
export const share: Extractor<ShareClaim> = {
  kind: 'share',
  rule: 'narrative-share',
  extract({ s, nums, scope }, ctx, emit) {
    for (const p of nums) {
      if (p.kind !== 'percent') continue;
      const zhan = s.text.lastIndexOf('占', p.start);
      if (zhan < 0 || p.start - zhan > 16) continue;
      const named = s.text.slice(zhan + 1, p.start);
      if (/[，,；;。]/.test(named)) continue;
      const part = [...nums].reverse().find((n) => n.kind === 'money' && n.end <= zhan);
      if (!part) continue;
      let whole = wholeNamed(s, named, nums, part, scope, ctx);
      if (!whole && named.replace(/的$/, '') !== '') continue;
      if (!whole) {
        // The figure just before the 其中 that opens the list: a stray figure earlier in the sentence is not the whole.
        const lead = [...nums].reverse().find((n) => n.kind === 'money' && n.start < part.start && /其中|主要用于|：|:/.test(s.text.slice(n.end, part.start)));
        if (lead) whole = { source: 'text', num: lead };
        else if (scope === 'three-public' || /三公/.test(s.text.slice(0, part.start))) {
          whole = cellOf(ctx.doc, { table: 'three-public', row: 'three-public', column: 'actual-total', name: '“三公”经费决算数' });
        } else if (ctx.lead && ctx.lead.heading === s.headings[s.headings.length - 1]) {
          whole = { source: 'text', num: ctx.lead.num };
        }
      }
      if (!whole) continue;
      const uses = whole.source === 'text' ? [part, whole.num, p] : [part, p];
      emit({ kind: 'share', key: claimKey('share', [part, p]), sentence: s, uses, part: { source: 'text', num: part }, whole, percent: p });
    }
  },
};
