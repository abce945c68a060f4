import type { DisclosureDocument } from '../../model/document.js';
import { bindItemHeading, type ItemBinding, type Scope } from '../bind.js';
import type { Num } from '../numbers.js';
import type { Sentence } from '../text.js';
import type { ClaimBase } from './claim.js';

/** A sentence being read: its numbers and the table its section is about. */
export interface SentenceAt {
  s: Sentence;
  nums: Num[];
  scope: Scope;
}

/** What the reading of the narrative carries from sentence to sentence. */
export interface Context {
  doc: DisclosureDocument;
  /** The item (类/款/项 heading) the current paragraph explains, and its budget and actual figures. */
  item?: { heading: string; binding: ItemBinding | undefined; budget?: Num | undefined; actual?: Num | undefined } | undefined;
  /** Set on the first sentence of a newly entered item whose heading binds to table rows. */
  entered?: { heading: string; binding: ItemBinding } | undefined;
  /** First figure of the current section: the implicit whole of 占X% shares. */
  lead?: { heading: string; num: Num; sentence: Sentence } | undefined;
  /** Figures stated so far in the current section, by what the text calls them. */
  stated: Array<{ subject: string; num: Num }>;
  /** The last heading sentence read: where a 类/款/项 heading stands. */
  headingSentence?: Sentence | undefined;
  /** Claims found so far in the current sentence, in order (extractors may build on earlier kinds). */
  sentenceClaims: ClaimBase[];
}

/**
 * Reads one kind of claim from a sentence. `kind` is the claim kind and `rule` the narrative rule
 * that checks it; `extract` emits the claims it finds, in sentence order.
 */
export interface Extractor<C extends ClaimBase> {
  kind: C['kind'];
  rule: string;
  extract: (at: SentenceAt, ctx: Context, emit: (claim: C) => void) => void;
}

/** The 类/款/项 heading a sentence stands under, if its innermost heading is one. */
export function itemHeadingOf(s: Sentence): string | undefined {
  const last = s.headings[s.headings.length - 1];
  return last && /\((类|款|项)\)/.test(last) ? last : undefined;
}

/** Follows the 类/款/项 heading the sentence stands under: its binding to table rows, once per item. */
export function enterItem(s: Sentence, ctx: Context, scope: Scope): void {
  ctx.entered = undefined;
  const heading = itemHeadingOf(s);
  if (!heading) {
    ctx.item = undefined;
    return;
  }
  if (ctx.item?.heading === heading) return;
  const binding = bindItemHeading(heading, ctx.doc, scope === 'expense' ? 'expense' : 'general-budget-expense');
  ctx.item = { heading, binding };
  if (binding) ctx.entered = { heading, binding };
}
