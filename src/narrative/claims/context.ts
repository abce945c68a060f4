import type { DisclosureDocument } from '../../model/document.js';
import { bindItemHeading, type ItemBinding, type Scope } from '../bind.js';
import type { Num } from '../numbers.js';
import type { Sentence } from '../text.js';
import type { ClaimBase } from './claim.js';
import type { SentenceAt } from './sentence.js';

/** Figures a section refers back to are few; these bound how far back a reference is looked for. */
const STATED_MAX = 64;
const TOTALS_MAX = 16;
const TOTAL = /总额|总计|合计/;

/** Figures stated so far in the current section, by what the text calls them. */
export class Stated {
  private all: Array<{ subject: string; num: Num }> = [];
  private totals: Array<{ subject: string; num: Num }> = [];

  push(subject: string, num: Num): void {
    this.all.push({ subject, num });
    if (this.all.length > 2 * STATED_MAX) this.all.splice(0, this.all.length - STATED_MAX);
    if (TOTAL.test(subject)) {
      this.totals.push({ subject, num });
      if (this.totals.length > 2 * TOTALS_MAX) this.totals.splice(0, this.totals.length - TOTALS_MAX);
    }
  }

  /** The latest figure whose subject ends with `noun`. */
  endingWith(noun: string): Num | undefined {
    for (let i = this.all.length - 1; i >= Math.max(0, this.all.length - STATED_MAX); i--) {
      const x = this.all[i];
      if (x?.subject.endsWith(noun)) return x.num;
    }
    return undefined;
  }

  /** The latest total (总额, 总计, 合计) whose subject contains `core`. */
  totalWith(core: string): Num | undefined {
    for (let i = this.totals.length - 1; i >= Math.max(0, this.totals.length - TOTALS_MAX); i--) {
      const x = this.totals[i];
      if (x?.subject.includes(core)) return x.num;
    }
    return undefined;
  }
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
  stated: Stated;
  /** The last heading sentence read: where a 类/款/项 heading stands. */
  headingSentence?: Sentence | undefined;
  /** Claims found so far in the current sentence, in order (extractors may build on earlier kinds). */
  sentenceClaims: ClaimBase[];
}

/**
 * Reads one kind of claim from a sentence. `kind` is the claim kind and `rule` the narrative rule
 * that checks it; `extract` emits the claims it finds, in sentence order, and stops when the
 * sentence is full. `headingOnly`: reads the item heading, not the sentence, so it runs on
 * sentences too long to read.
 */
export interface Extractor<C extends ClaimBase> {
  kind: C['kind'];
  rule: string;
  headingOnly?: boolean;
  extract: (at: SentenceAt, ctx: Context, emit: (claim: C) => void) => void;
}

const ITEM_HEADINGS = new WeakMap<readonly string[], string | null>();

/** The 类/款/项 heading a sentence stands under, if its innermost heading is one (once per heading). */
export function itemHeadingOf(s: Sentence): string | undefined {
  let found = ITEM_HEADINGS.get(s.headings);
  if (found === undefined) {
    const last = s.headings[s.headings.length - 1];
    found = last && /\((类|款|项)\)/.test(last) ? last : null;
    ITEM_HEADINGS.set(s.headings, found);
  }
  return found ?? undefined;
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
  const binding = bindItemHeading(heading, ctx.doc, scope);
  ctx.item = { heading, binding };
  if (binding) ctx.entered = { heading, binding };
}
