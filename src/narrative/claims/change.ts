import { subjectNoun } from '../bind.js';
import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import { BUDGET } from './sentence.js';

/** 与上年相比，增加/减少A万元，增长/下降B%. */
export interface ChangeClaim extends ClaimBase {
  kind: 'change';
  current: Num;
  change: Num;
  rise: boolean;
  percent?: Num;
  /** The word before the percentage contradicts the word before the amount (增加…下降). */
  contradictory: boolean;
  /** Against the previous year or against the budget. */
  versus: 'year' | 'budget';
  /** Described as 基本持平 / 持平: the change must be small against its base. */
  flat: boolean;
}

/** The words that compare a figure with last year's or with a budget. */
export const COMPARED = /与上年(度)?相比|比上年(决算数?)?|较上年|同比|与20\d{2}年度?相比|比20\d{2}年度?|比(年初)?预算数?/g;

/** A figure that may be the current value a change is measured from: not a budget, not itself a change. */
const PLAIN = (subject: string): boolean => !BUDGET(subject) && !/增加|减少/.test(subject);

/** 与上年相比，增加/减少A万元，增长/下降B%: B recomputes from the base current ∓ A. */
export const change: Extractor<ChangeClaim> = {
  kind: 'change',
  rule: 'narrative-change',
  extract(at, ctx, emit) {
    const { s, text, money, percents } = at;
    for (const marker of text.matchAll(COMPARED)) {
      if (at.full) return;
      const offset = marker.index ?? 0;
      const change = money[at.firstAfter(money, offset)];
      if (!change || change.start - offset >= 30) continue;
      const word = /(增加|减少|增长|下降)/.exec(text.slice(offset, change.start))?.[1];
      if (!word || /[。；;]/.test(text.slice(offset, change.start))) continue;
      const rise = /增加|增长/.test(word);
      const next = percents[at.firstAfter(percents, change.end)];
      const percent = next && next.start - change.end < 10 ? next : undefined;
      const pctWord = percent ? /(增加|减少|增长|下降)/.exec(text.slice(change.end, percent.start))?.[1] : undefined;
      const contradictory = pctWord !== undefined && /增加|增长/.test(pctWord) !== rise;
      const flat = /^[，,]?(基本)?持平/.test(text.slice(change.end, change.end + 6));
      const versus = /预算/.test(marker[0]) ? 'budget' : 'year';
      if (!percent && !flat) continue;
      // The current figure: the last figure before the comparison that is not a budget or a change.
      const claimedChanges = new Set(ctx.sentenceClaims.filter((c): c is ChangeClaim => c.kind === 'change').map((c) => c.change));
      let current: Num | undefined;
      for (let i = at.lastEndingAt(money, offset); i >= 0 && !current; i--) {
        const n = money[i];
        at.work.steps++;
        if (n && at.depth(n.start) === 0 && !claimedChanges.has(n) && at.is('plain', n, PLAIN)) current = n;
      }
      // “与2023年度相比，收入支出总计减少56.95万元”: the figure was stated in an earlier sentence.
      const noun = subjectNoun(text.slice(offset + marker[0].length, change.start).replace(/^[，,]/, '').replace(/(增加|减少|增长|下降)$/, ''));
      const earlier = current ?? (noun.length >= 2 ? ctx.stated.endingWith(noun) : undefined);
      if (!earlier) continue;
      emit({
        kind: 'change',
        key: claimKey('change', [change]),
        sentence: s,
        uses: percent ? [earlier, change, percent] : [earlier, change],
        current: earlier,
        change,
        rise,
        ...(percent ? { percent } : {}),
        contradictory,
        versus,
        flat,
      });
    }
  },
};
