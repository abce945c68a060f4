import type { DisclosureDocument } from '../model/document.js';
import type { Location } from '../model/location.js';
import { bindSubject, scopeOf, subjectNoun, type Binding } from './bind.js';
import { claimsOf } from './claims/index.js';
import { COMPARED } from './claims/change.js';
import { BUDGET } from './claims/sentence.js';
import { numbersOf, type Num } from './numbers.js';
import { locAt } from './text.js';

/** A figure as the narrative prints it: its text, exact value (as a string) and place. */
export interface StatedFigure {
  text: string;
  value: string;
  location: Location;
}

/**
 * A comparison with a figure the document does not hold: “比上年增加X万元，增长Y%” rests on last
 * year's 决算, “比年初预算数增加X万元” on the same year's 预算. Plain serialisable data, so that a
 * run over many documents can keep it per document and hold it against the other document when
 * one is present.
 */
export interface OtherDocumentClaim {
  /** The document the comparison rests on. */
  needs: 'previous-year' | 'budget';
  /** The words of the comparison as printed (比上年, 与上年相比, 比年初预算数…). */
  versus: string;
  /** What is compared, as the sentence names it (may be empty when the sentence does not say). */
  subject: string;
  /** The table cell holding this year's figure, when the subject names one. */
  binding?: Pick<Binding, 'table' | 'row' | 'column'>;
  /** This year's figure, when stated. */
  current?: StatedFigure;
  /** The change in amount, with its direction. */
  change?: StatedFigure & { rise: boolean };
  /** The change as a percentage of the other figure, with its direction. */
  percent?: StatedFigure & { rise: boolean };
  /**
   * Whether the stated figures were checked against each other inside this document (this year's
   * figure, the change and the percentage all stated): the other document can still confirm the
   * base, but the claim is not unchecked without it.
   */
  checkedWithin: boolean;
  sentence: string;
  location: Location;
}

const RISE = /增加|增长|上升|提高/;
const WORD = /(增加|减少|增长|下降|上升|降低|提高)/;
/** How far after the comparison words its figures stand. */
const REACH = 30;

/** Where the clause holding `offset` begins: after the last clause mark before it. */
function clauseStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !/[，,；;：:]/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** Whether `offset` stands inside brackets (a figure in an aside is not the one compared). */
function bracketed(text: string, offset: number): boolean {
  let depth = 0;
  for (let i = 0; i < offset; i++) depth += text[i] === '(' ? 1 : text[i] === ')' && depth > 0 ? -1 : 0;
  return depth > 0;
}

const figure = (n: Num): StatedFigure => ({ text: n.text, value: n.value.toString(), location: n.loc });

/**
 * Every comparison in the narrative with a previous year or a budget, with the figures it states
 * and whether they could be checked inside the document (narrative-change). Pure. In a 预算
 * (`kind` budget) every figure is a budget figure: “一般公共预算收入预算X万元，比上年增加…” states
 * this year's figure, where in a 决算 a figure named 预算 is not the one compared.
 */
export function otherDocumentClaims(doc: DisclosureDocument, kind: 'final' | 'budget' = 'final'): OtherDocumentClaim[] {
  const reading = claimsOf(doc);
  // Changes narrative-change checks with a percentage, by sentence and the offset of the change figure.
  const within = new Map<object, Set<number>>();
  for (const c of reading.claims) {
    if (c.kind !== 'change' || !c.percent) continue;
    const set = within.get(c.sentence) ?? new Set<number>();
    set.add(c.change.start);
    within.set(c.sentence, set);
  }
  const out: OtherDocumentClaim[] = [];
  for (const s of reading.sentences) {
    if (s.heading) continue;
    const matches = [...s.text.matchAll(COMPARED)];
    if (matches.length === 0) continue;
    const nums = numbersOf(s);
    for (const marker of matches) {
      const offset = marker.index ?? 0;
      const after = offset + marker[0].length;
      const clauseEnd = s.text.slice(after).search(/[。；;]/);
      const limit = Math.min(after + REACH, clauseEnd < 0 ? s.text.length : after + clauseEnd);
      const change = nums.find((n) => n.kind === 'money' && n.start >= after && n.start < limit && WORD.test(s.text.slice(after, n.start)));
      const from = change ? change.end : after;
      const percent = nums.find((n) => n.kind === 'percent' && n.start >= from && n.start < Math.min(from + 12, limit + 12) && WORD.test(s.text.slice(from, n.start)));
      if (!change && !percent) continue;
      // This year's figure: the last amount before the comparison that is not a budget or a change.
      const current = [...nums].reverse().find((n) => n.kind === 'money' && n.end <= offset && !bracketed(s.text, n.start) && (kind === 'budget' || !BUDGET(s.text.slice(Math.max(0, n.start - 16), n.start))) && !WORD.test(s.text.slice(Math.max(0, n.start - 4), n.start)));
      const between = s.text.slice(after, (change ?? percent)?.start ?? after).replace(/^[，,]/, '').replace(WORD, '').replace(/[，,]$/, '');
      const subject = subjectNoun(between.length >= 2 ? between : current ? s.text.slice(clauseStart(s.text, current.start), current.start) : '');
      const bound = subject ? bindSubject(subject, scopeOf(s)) : undefined;
      const checked = change !== undefined && (within.get(s)?.has(change.start) ?? false);
      const rise = (n: Num): boolean => RISE.test(WORD.exec(s.text.slice(Math.max(after, n.start - 6), n.start))?.[1] ?? '');
      out.push({
        needs: /预算/.test(marker[0]) ? 'budget' : 'previous-year',
        versus: marker[0],
        subject,
        ...(bound ? { binding: { table: bound.table, row: bound.row, column: bound.column } } : {}),
        ...(current ? { current: figure(current) } : {}),
        ...(change ? { change: { ...figure(change), rise: rise(change) } } : {}),
        ...(percent ? { percent: { ...figure(percent), rise: rise(percent) } } : {}),
        checkedWithin: checked,
        sentence: s.text,
        location: locAt(s, offset),
      });
    }
  }
  return out;
}
