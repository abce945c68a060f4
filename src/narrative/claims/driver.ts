import type { DisclosureDocument } from '../../model/document.js';
import { scopeOf, subjectNoun } from '../bind.js';
import { isThreshold, numbersOf, type Num } from '../numbers.js';
import { sentences, type Sentence } from '../text.js';
import type { ClaimBase } from './claim.js';
import { enterItem, type Context, type Extractor } from './context.js';
import { ACTUAL, BUDGET, lastMoney, subjectBefore } from './subject.js';

/** What the narrative says, and which of its numbers no claim accounts for. */
export interface NarrativeReading<C extends ClaimBase> {
  claims: C[];
  /** Numbers of the 情况说明 and 绩效 text used by no claim. */
  unbound: Array<{ num: Num; sentence: Sentence }>;
  /** All numbers considered (money, percentages, counts), thresholds excluded. */
  numbers: Array<{ num: Num; sentence: Sentence }>;
  sentences: Sentence[];
}

/**
 * Reads the narrative sentence by sentence, running every extractor on each sentence in the order
 * given (a later extractor may read the claims of an earlier one in the same sentence).
 */
export function readClaims<C extends ClaimBase>(doc: DisclosureDocument, extractors: ReadonlyArray<Extractor<C>>): NarrativeReading<C> {
  const all = sentences(doc.narrative);
  const ctx: Context = { doc, stated: [], sentenceClaims: [] };
  const claims: C[] = [];
  const emit = (claim: C): void => {
    claims.push(claim);
    ctx.sentenceClaims.push(claim);
  };
  const numbers: NarrativeReading<C>['numbers'] = [];
  for (const s of all) {
    if (s.heading) {
      ctx.headingSentence = s;
      if (!/\((类|款|项)\)/.test(s.text)) {
        ctx.lead = undefined;
        ctx.stated = [];
      }
      continue;
    }
    const scope = scopeOf(s);
    enterItem(s, ctx, scope);
    const nums = numbersOf(s);
    ctx.sentenceClaims = [];
    for (const extractor of extractors) extractor.extract({ s, nums, scope }, ctx, emit);
    // Figures that later sentences of the same item or section refer back to.
    if (ctx.item) {
      ctx.item.budget = lastMoney(nums, s.text.length, BUDGET, s) ?? ctx.item.budget;
      ctx.item.actual = lastMoney(nums, s.text.length, ACTUAL, s) ?? ctx.item.actual;
    }
    const heading = s.headings[s.headings.length - 1] ?? '';
    const firstMoney = nums.find((n) => n.kind === 'money');
    if (firstMoney && ctx.lead?.heading !== heading) ctx.lead = { heading, num: firstMoney, sentence: s };
    for (const n of nums) {
      if (isThreshold(s, n)) continue;
      numbers.push({ num: n, sentence: s });
      if (n.kind === 'money') ctx.stated.push({ subject: subjectNoun(subjectBefore(s, n)), num: n });
    }
  }
  const used = new Set(claims.flatMap((c) => c.uses));
  const unbound = numbers.filter((x) => !used.has(x.num));
  return { claims, unbound, numbers, sentences: all };
}
