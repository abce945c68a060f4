import type { DisclosureDocument } from '../../model/document.js';
import { scopeOf, subjectNoun } from '../bind.js';
import { isThreshold, numbersOf, type Num } from '../numbers.js';
import { sentences, type Sentence } from '../text.js';
import { newWork } from '../work.js';
import type { ClaimBase } from './claim.js';
import { enterItem, itemHeadingOf, Stated, type Context, type Extractor } from './context.js';
import { ACTUAL, BUDGET, SentenceAt } from './sentence.js';

/**
 * Bounds on what one sentence is read for. Published sentences run to about 500 characters, 20
 * figures and 13 claims; text beyond these bounds is a table or a paste read as prose, and reading
 * it whole would only cost time and fill reports.
 */
export const LIMITS = {
  /** A longer sentence is not read for claims. */
  sentenceChars: 2000,
  /** A sentence with more figures is not read for claims. */
  sentenceNumbers: 200,
  /** Claims beyond this many in one sentence are not kept. */
  claims: 32,
  /** Claims whose figures would take the sentence's uses beyond this are not kept. */
  uses: 256,
} as const;

/** A sentence not read (too long, too many figures) or read in part (claims beyond the bound). */
export interface NotRead {
  sentence: Sentence;
  reason: 'length' | 'numbers' | 'claims';
}

/** What the narrative says, and which of its numbers no claim accounts for. */
export interface NarrativeReading<C extends ClaimBase> {
  claims: C[];
  /**
   * Numbers of the 情况说明 and 绩效 text used by no claim. A sentence not read counts once, by
   * its first number (`notRead` set).
   */
  unbound: Array<{ num: Num; sentence: Sentence; notRead?: true }>;
  /** All numbers considered (money, percentages, counts), thresholds excluded. */
  numbers: Array<{ num: Num; sentence: Sentence; notRead?: true }>;
  sentences: Sentence[];
  /** Sentences not read for claims, or read in part, with why. */
  notRead: NotRead[];
  /** Characters scanned and figures visited: linear in the narrative's length (see work.ts). */
  work: number;
}

/** The first number of a long sentence, read from windows that double until one holds a number. */
function firstNumber(s: Sentence, work: { steps: number }): Num | undefined {
  for (let window = LIMITS.sentenceChars; ; window *= 2) {
    const first = numbersOf(s, window, work)[0];
    if (first || window >= s.text.length) return first;
  }
}

/**
 * Reads the narrative sentence by sentence, running every extractor on each sentence in the order
 * given (a later extractor may read the claims of an earlier one in the same sentence).
 */
export function readClaims<C extends ClaimBase>(doc: DisclosureDocument, extractors: ReadonlyArray<Extractor<C>>): NarrativeReading<C> {
  const work = newWork();
  const all = sentences(doc.narrative, work);
  const ctx: Context = { doc, stated: new Stated(), sentenceClaims: [] };
  const claims: C[] = [];
  const notRead: NotRead[] = [];
  let at: SentenceAt | undefined;
  let uses = 0;
  const emit = (claim: C): void => {
    if (!at || at.full) return;
    if (ctx.sentenceClaims.length >= LIMITS.claims || uses + claim.uses.length > LIMITS.uses) {
      at.full = true;
      notRead.push({ sentence: at.s, reason: 'claims' });
      return;
    }
    uses += claim.uses.length;
    claims.push(claim);
    ctx.sentenceClaims.push(claim);
  };
  const numbers: NarrativeReading<C>['numbers'] = [];
  for (const s of all) {
    if (s.heading) {
      ctx.headingSentence = s;
      if (!/\((类|款|项)\)/.test(s.text)) {
        ctx.lead = undefined;
        ctx.stated = new Stated();
      }
      continue;
    }
    const scope = scopeOf(s);
    enterItem(s, ctx, scope);
    const long = s.text.length > LIMITS.sentenceChars;
    const nums = long ? [] : numbersOf(s, undefined, work);
    at = new SentenceAt(s, nums, scope, itemHeadingOf(s), work);
    ctx.sentenceClaims = [];
    uses = 0;
    if (long || nums.length > LIMITS.sentenceNumbers) {
      // Not understood: reported once, by its first number, as a number no claim accounts for.
      notRead.push({ sentence: s, reason: long ? 'length' : 'numbers' });
      const first = long ? firstNumber(s, work) : nums[0];
      if (first) numbers.push({ num: first, sentence: s, notRead: true });
      for (const extractor of extractors) if (extractor.headingOnly) extractor.extract(at, ctx, emit);
      continue;
    }
    for (const extractor of extractors) {
      if (at.full) break;
      extractor.extract(at, ctx, emit);
    }
    // Figures that later sentences of the same item or section refer back to.
    if (ctx.item) {
      ctx.item.budget = at.lastMoney(s.text.length, BUDGET) ?? ctx.item.budget;
      ctx.item.actual = at.lastMoney(s.text.length, ACTUAL) ?? ctx.item.actual;
    }
    const heading = s.headings[s.headings.length - 1] ?? '';
    const firstMoney = at.money[0];
    if (firstMoney && ctx.lead?.heading !== heading) ctx.lead = { heading, num: firstMoney, sentence: s };
    for (const n of nums) {
      if (isThreshold(s, n)) continue;
      numbers.push({ num: n, sentence: s });
      if (n.kind === 'money') ctx.stated.push(subjectNoun(at.subject(n)), n);
    }
  }
  const used = new Set(claims.flatMap((c) => c.uses));
  const unbound = numbers.filter((x) => !used.has(x.num));
  return { claims, unbound, numbers, sentences: all, notRead, work: work.steps };
}
