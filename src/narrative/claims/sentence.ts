import type { Scope } from '../bind.js';
import type { Num } from '../numbers.js';
import type { Sentence } from '../text.js';
import type { Work } from '../work.js';

/**
 * The longest subject read for a figure. Subjects in published narratives run to about 30
 * characters (135 in a 绩效 table read as text); a longer run without a clause mark is cut to its
 * end, where the words that name the figure stand.
 */
export const SUBJECT_MAX = 256;

// Marks as character codes: the per-character scans below read codes, which allocate nothing.
const codes = (marks: string): ReadonlySet<number> => new Set([...marks].map((c) => c.charCodeAt(0)));
const CLAUSE = codes('，,；;：:、()');
const LIST_MARK = codes('，,；;：:、');
/** Bit 1: a clause mark; bit 2: a list mark. One table read per character instead of a set lookup and a call. */
const MARKS = new Uint8Array(0x10000);
for (const c of CLAUSE) MARKS[c] = (MARKS[c] ?? 0) | 1;
for (const c of LIST_MARK) MARKS[c] = (MARKS[c] ?? 0) | 2;
const PAUSE = '、'.charCodeAt(0);
const SHOU = '收'.charCodeAt(0);
const ZHI = '支'.charCodeAt(0);
const OPEN = '('.charCodeAt(0);
const CLOSE = ')'.charCodeAt(0);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** First index in `xs` (sorted by `key`) whose key is greater than `value`. */
function upperBound<T>(xs: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid] as T) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const start = (n: Num): number => n.start;
const end = (n: Num): number => n.end;
const at = (x: number): number => x;

/** The last of `offsets` (ascending) at or before `offset`; 0 if none. */
const lastAtOrBefore = (offsets: readonly number[], offset: number): number => offsets[upperBound(offsets, offset, at) - 1] ?? 0;

/**
 * A sentence being read, with what its extractors ask of it computed once: the subject of each
 * figure, parenthesis depth, where words occur. Every question costs time independent of the
 * sentence's length (or is asked once per sentence), so reading stays linear in the text.
 */
export class SentenceAt {
  readonly text: string;
  /** The money figures, in order. */
  readonly money: Num[];
  readonly percents: Num[];
  private subjects: Array<string | undefined>;
  /** Offsets just after a clause mark, and just after a list mark (see `breaks`). */
  private subjectStarts: number[] | undefined;
  private listStarts: number[] | undefined;
  private depths: Int32Array | undefined;
  private places = new Map<string, number[]>();
  private openingMarks = new Map<RegExp, number[]>();
  private memos = new Map<string, Array<boolean | undefined>>();
  private lineBreaks: boolean | undefined;
  /** Set once the sentence holds as many claims as the driver keeps: extractors stop there. */
  full = false;

  constructor(
    readonly s: Sentence,
    readonly nums: Num[],
    readonly scope: Scope,
    /** The 类/款/项 heading the sentence stands under, if any. */
    readonly itemHeading: string | undefined,
    readonly work: Work,
  ) {
    this.text = s.text;
    this.money = nums.filter((n) => n.kind === 'money');
    this.percents = nums.filter((n) => n.kind === 'percent');
    this.subjects = new Array<string | undefined>(nums.length);
    work.steps += s.text.length + nums.length;
  }

  /**
   * The offsets i (ascending) whose preceding character is a mark of `bit` in MARKS. With
   * `clause`, the 、 of “收、支” is not a mark. A short list, searched by halves: no array as
   * long as the sentence is built per sentence.
   */
  private breaks(bit: number, clause: boolean): number[] {
    const text = this.text;
    const out: number[] = [];
    for (let i = 1; i <= text.length; i++) {
      const ch = text.charCodeAt(i - 1);
      // “收、支总计” is one word: its 、 does not end the subject.
      if ((MARKS[ch] ?? 0) & bit && !(clause && ch === PAUSE && text.charCodeAt(i - 2) === SHOU && text.charCodeAt(i) === ZHI)) out.push(i);
    }
    this.work.steps += text.length;
    return out;
  }

  /** Where the subject of a figure starting at `offset` begins: after the last clause mark. */
  subjectStart(offset: number): number {
    this.subjectStarts ??= this.breaks(1, true);
    return Math.max(lastAtOrBefore(this.subjectStarts, offset), offset - SUBJECT_MAX);
  }

  /** The words between the previous clause mark and a figure: what the figure is said to be. */
  subject(n: Num): string {
    const known = this.subjects[n.index];
    if (known !== undefined) return known;
    const subject = this.text.slice(this.subjectStart(n.start), n.start);
    this.work.steps += subject.length;
    this.subjects[n.index] = subject;
    return subject;
  }

  /** The words since the previous list mark (，；：、), as in “教育(类)支出620万元”. */
  listClause(n: Num): string {
    this.listStarts ??= this.breaks(2, false);
    const from = Math.max(lastAtOrBefore(this.listStarts, n.start), n.start - SUBJECT_MAX);
    this.work.steps += n.start - from;
    return this.text.slice(from, n.start);
  }

  /** How deep in parentheses the character at `offset` stands. */
  depth(offset: number): number {
    if (!this.depths) {
      const depths = new Int32Array(this.text.length + 1);
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const d = depths[i] ?? 0;
        const ch = text.charCodeAt(i);
        depths[i + 1] = ch === OPEN ? d + 1 : ch === CLOSE ? Math.max(0, d - 1) : d;
      }
      this.work.steps += this.text.length;
      this.depths = depths;
    }
    return this.depths[offset] ?? 0;
  }

  /** Every offset where `word` starts, overlapping ones included. */
  private placesOf(word: string): number[] {
    let found = this.places.get(word);
    if (!found) {
      found = [];
      for (let i = this.text.indexOf(word); i >= 0; i = this.text.indexOf(word, i + 1)) found.push(i);
      this.work.steps += this.text.length;
      this.places.set(word, found);
    }
    return found;
  }

  /** Where `word` first starts at or after `from` and ends by `to`; undefined if nowhere. */
  find(word: string, from = 0, to = this.text.length): number | undefined {
    const places = this.placesOf(word);
    const i = places[upperBound(places, from - 1, at)];
    return i !== undefined && i + word.length <= to ? i : undefined;
  }

  /** Whether `word` occurs wholly within text[from, to). */
  has(word: string, from = 0, to = this.text.length): boolean {
    return word === '' ? from <= to : this.find(word, from, to) !== undefined;
  }

  /** Where the last occurrence of `word` that ends by `to` starts; -1 if none. */
  lastEndingBy(word: string, to: number): number {
    const places = this.placesOf(word);
    return places[upperBound(places, to - word.length, at) - 1] ?? -1;
  }

  /** Whether the words occur in this order, without overlapping, within text[from, to) (as /a.*b.*c/ finds them). */
  inOrder(words: readonly string[], from: number, to: number): boolean {
    // A line break stops .* — a sentence holds none but in text read whole from odd sources.
    this.lineBreaks ??= LINE_BREAK.test(this.text);
    if (this.lineBreaks) return new RegExp(words.join('.*')).test(this.text.slice(from, to));
    let cursor = from;
    for (const word of words) {
      const i = this.find(word, cursor, to);
      if (i === undefined) return false;
      cursor = i + word.length;
    }
    return true;
  }

  /** Whether the subject of `n` contains `word`, as `subject(n).includes(word)` but without reading it. */
  subjectHas(n: Num, word: string): boolean {
    return this.has(word, this.subjectStart(n.start), n.start);
  }

  /** Index in `xs` (sorted by start) of the first figure starting after `offset`. */
  firstAfter(xs: readonly Num[], offset: number): number {
    return upperBound(xs, offset, start);
  }

  /** The last figure of `xs` (sorted) ending by `offset`, as an index; -1 if none. */
  lastEndingAt(xs: readonly Num[], offset: number): number {
    return upperBound(xs, offset, end) - 1;
  }

  /** The last money figure starting in [from, before) whose subject passes `test`. */
  lastMoney(before: number, test: (subject: string) => boolean, from = 0): Num | undefined {
    for (let i = upperBound(this.money, before - 1, start) - 1; i >= 0; i--) {
      const n = this.money[i];
      if (!n || n.start < from) return undefined;
      this.work.steps++;
      if (test(this.subject(n))) return n;
    }
    return undefined;
  }

  /**
   * The first clause mark (，；) at or after `offset` that opens a clause holding one of `words`
   * (a global pattern): as /[，,；;](?=[^，,；;]*?(words))/g finds it, worked out for every mark at once.
   */
  markOpening(words: RegExp, offset: number): number | undefined {
    const marks = this.marksOpening(words);
    return marks[upperBound(marks, offset - 1, at)];
  }

  private marksOpening(words: RegExp): number[] {
    let found = this.openingMarks.get(words);
    if (found) return found;
    found = [];
    const hits = [...this.text.matchAll(words)].map((m) => m.index ?? 0);
    this.work.steps += this.text.length;
    let h = 0;
    const marks = [...this.text.matchAll(/[，,；;]/g)].map((m) => m.index ?? 0);
    for (const [k, mark] of marks.entries()) {
      const next = marks[k + 1] ?? this.text.length;
      while (h < hits.length && (hits[h] ?? 0) <= mark) h++;
      if (h < hits.length && (hits[h] ?? 0) < next) found.push(mark);
    }
    this.openingMarks.set(words, found);
    return found;
  }

  /** `test` of a figure's subject, computed once per figure and question. */
  is(question: string, n: Num, test: (subject: string) => boolean): boolean {
    let memo = this.memos.get(question);
    if (!memo) {
      memo = new Array<boolean | undefined>(this.nums.length);
      this.memos.set(question, memo);
    }
    const known = memo[n.index];
    if (known !== undefined) return known;
    const answer = test(this.subject(n));
    memo[n.index] = answer;
    return answer;
  }
}

/** A subject that names a budget figure (预算数为), not an actual one. */
export const BUDGET = (subject: string): boolean => /预算(数)?(为)?$/.test(subject) && !/决算/.test(subject);
/** A subject that names an actual figure (决算数, 支出). */
export const ACTUAL = (subject: string): boolean => /决算(数)?(为)?$|支出(为)?$/.test(subject) && !/预算(数)?(为)?$/.test(subject);
