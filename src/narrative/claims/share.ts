import { bindSubject, subjectNoun } from '../bind.js';
import type { Num } from '../numbers.js';
import { cellOf } from './cells.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Context, Extractor } from './context.js';
import type { SentenceAt } from './sentence.js';

/** 占X%: part / whole. */
export interface ShareClaim extends ClaimBase {
  kind: 'share';
  part: Side;
  whole: Side;
  percent: Num;
}

/** How far before a percentage its 占 may stand. */
const REACH = 16;
/** Words that open the list a share belongs to. */
const LIST_OPENERS = ['其中', '主要用于', '：', ':'];

const TOTAL_WORD = /总额|总计|合计/;

/**
 * Whether a figure's subject names the whole a share names after 占: for a total (收入总额, 支出总额,
 * 总支出, 本年支出合计) a total of the same kind (学校收入总计, 各项支出总计, 财政拨款支出合计); for a
 * part (基本支出, 财政拨款支出) that name, or its total.
 */
function namesWhole(subject: string, core: string, total: boolean): boolean {
  const noun = subjectNoun(subject);
  // subjectNoun strips “总计为”, “合计为”: the total word is looked for in the subject as printed.
  if (total) return TOTAL_WORD.test(subject) && noun.includes(core);
  return noun.endsWith(core) || ['总额', '总计', '合计'].some((w) => noun.endsWith(core + w));
}

/**
 * Explicit wholes after 占 (“占本年支出合计的”, “占收入总额”, “占总支出的”, “占基本支出的”): the figure
 * the sentence states under that name before the part, nearest first (“收入合计X万元，其中：财政
 * 拨款收入A万元，占收入总额a%；事业收入B万元，占收入总额b%”: both against X, never against A); else
 * one stated so earlier in the section; else the table cell of that name.
 */
function wholeNamed(at: SentenceAt, named: string, part: Num, ctx: Context): Side | undefined {
  const noun = named.replace(/的$/, '');
  if (noun === '') return undefined;
  const total = TOTAL_WORD.test(noun) || /^总(支出|收入)/.test(noun);
  const core = noun.replace(/(总额|总计|合计)$/, '').replace(/^总/, '');
  if (core === '') return undefined;
  for (let i = at.lastEndingAt(at.money, part.start); i >= 0; i--) {
    const n = at.money[i];
    at.work.steps++;
    if (n && n !== part && namesWhole(at.subject(n), core, total)) return { source: 'text', num: n };
  }
  // Stated in an earlier sentence of the same section.
  const earlier = total ? ctx.stated.totalWith(core) : (ctx.stated.endingWith(noun) ?? ctx.stated.endingWith(core));
  if (earlier) return { source: 'text', num: earlier };
  if (/一般公共预算项目支出总额|一般公共预算财政拨款项目支出/.test(noun)) return cellOf(ctx.doc, { table: 'general-budget-expense', row: 'total', column: 'project', name: noun });
  const binding = bindSubject(noun, at.scope);
  return binding ? cellOf(ctx.doc, binding) : undefined;
}

/** The 占 at most REACH characters before `offset`, nearest first; -1 if none. */
function zhanBefore(text: string, offset: number): number {
  for (let i = offset; i >= Math.max(0, offset - REACH); i--) if (text[i] === '占') return i;
  return -1;
}

/** 占X%: the part is the figure just before 占; the whole is named after it or leads the sentence. */
export const share: Extractor<ShareClaim> = {
  kind: 'share',
  rule: 'narrative-share',
  extract(at, ctx, emit) {
    const { s, text, money } = at;
    for (const p of at.percents) {
      if (at.full) return;
      const zhan = zhanBefore(text, p.start);
      if (zhan < 0) continue;
      const named = text.slice(zhan + 1, p.start);
      if (/[，,；;。]/.test(named)) continue;
      const part = money[at.lastEndingAt(money, zhan)];
      if (!part) continue;
      let whole = wholeNamed(at, named, part, ctx);
      if (!whole && named.replace(/的$/, '') !== '') continue;
      if (!whole) {
        // The figure just before the 其中 that opens the list: a stray figure earlier in the sentence is not the whole.
        const opener = Math.max(...LIST_OPENERS.map((w) => at.lastEndingBy(w, part.start)));
        const lead = opener < 0 ? undefined : money[at.lastEndingAt(money, opener)];
        if (lead) whole = { source: 'text', num: lead };
        else if (at.scope === 'three-public' || at.has('三公', 0, part.start)) {
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
