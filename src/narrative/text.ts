import type { TextLine } from '../model/document.js';
import type { Location } from '../model/location.js';
import { newWork, type Work } from './work.js';

/** A sentence of the narrative, joined across wrapped lines, with where each character came from. */
export interface Sentence {
  /** Normalised text: lines joined, spaces beside Chinese text and numbers removed, ASCII brackets. */
  text: string;
  /** Where the text came from: the source line from each offset on (see `locAt`). */
  runs: Run[];
  /** Headings in force, outermost first: “五、一般公共预算财政拨款支出决算情况说明”, “（三）…”, “6、…（项）”. */
  headings: string[];
  /** True for a heading itself (no claims are read from it, but it binds the sentences below). */
  heading: boolean;
  index: number;
}

/** From offset `from` of a text on, the characters come from `loc`. */
export interface Run {
  from: number;
  loc: Location;
}

/** Text with the source line of every character, kept as runs (one per source line touched). */
interface Spans {
  text: string;
  runs: Run[];
}

function spans(text: string, loc: Location): Spans {
  return { text, runs: text === '' ? [] : [{ from: 0, loc }] };
}

/** Index of the run holding `offset`: the last run starting at or before it (0 when none does). */
function runIndex(runs: readonly Run[], offset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid]?.from ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function slice(a: Spans, start: number, end = a.text.length): Spans {
  const runs: Run[] = [];
  // Runs wholly before `start` cannot be kept: begin at the one holding it.
  for (let i = Math.max(0, runIndex(a.runs, start) - 1); i < a.runs.length; i++) {
    const run = a.runs[i];
    if (!run) continue;
    if (run.from >= end) break;
    const next = a.runs[i + 1]?.from ?? a.text.length;
    if (next <= start) continue;
    runs.push({ from: Math.max(run.from, start) - start, loc: run.loc });
  }
  return { text: a.text.slice(start, end), runs };
}

/**
 * Text put together piece by piece, in time linear in its length: a sentence or a heading may
 * gather thousands of wrapped lines.
 */
class Gather {
  private parts: string[] = [];
  private runs: Run[] = [];
  length = 0;
  /** The last characters added, for patterns that may straddle two pieces. */
  tail = '';

  add(piece: Spans): void {
    if (piece.text === '') return;
    for (const r of piece.runs) this.runs.push({ from: r.from + this.length, loc: r.loc });
    this.parts.push(piece.text);
    this.length += piece.text.length;
    this.tail = (this.tail + piece.text).slice(-4);
  }

  take(): Spans {
    const text = this.parts.join('');
    const out = { text, runs: this.runs };
    this.parts = [];
    this.runs = [];
    this.length = 0;
    this.tail = '';
    return out;
  }
}

function runAt(runs: readonly Run[], offset: number): Location | undefined {
  return runs[runIndex(runs, offset)]?.loc;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
// Only a run's first space may start a match: a run not followed by Chinese text is passed over once.
const SPACE_BEFORE = new RegExp(`(?<!\\s)\\s+(?=[${CJK}()%,.])`, 'g');
const SPACE_AFTER = new RegExp(`(?<=[${CJK}()%])\\s+`, 'g');
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|\d{1,2}[、.](?!\d))/;
const SENTENCE_END = /[。！？!?]/g;
/** Marks that end a clause inside a sentence; a line holding one is not a bare heading. */
const CLAUSE_END = /[。；;！？!?]/;

/** Level of a heading: 0 第X部分, 1 一、, 2 （一）, 3 1、 */
export function headingLevel(text: string): number | undefined {
  const m = HEADING.exec(text);
  if (!m?.[1]) return undefined;
  const mark = m[1];
  if (mark.startsWith('第')) return 0;
  if (/^[一二三四五六七八九十]+、/.test(mark)) return 1;
  if (mark.startsWith('(')) return 2;
  return 3;
}

/**
 * The characters `normalise` maps one by one: full-width brackets, digits and %, the ideographic
 * space, Kangxi radicals (some PDF producers print ⽤ for 用) and zero-width marks inside words.
 */
const CHAR_FIXES = /[（）\uFF10-\uFF19％\u3000\u2E80-\u2FDF\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE = /\s/;

function fixChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0xff08) return '(';
  if (c === 0xff09) return ')';
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if (c === 0xff05) return '%';
  if (c === 0x3000) return ' ';
  if (c >= 0x2e80 && c <= 0x2fdf) return ch.normalize('NFKC');
  return '';
}

/**
 * Full-width brackets and digits to ASCII; spaces between Chinese, digits and units dropped. One
 * pass maps the characters (each maps alone, so the order of the maps does not matter); a line
 * without white space has no space to drop.
 */
export function normalise(line: string): string {
  const half = line.replace(CHAR_FIXES, fixChar);
  if (!WHITESPACE.test(half)) return half;
  // Spaces next to a Chinese character or a bracket carry no meaning in running Chinese text.
  return half
    .replace(SPACE_BEFORE, '')
    .replace(SPACE_AFTER, '')
    .trim();
}

/**
 * A line that is a heading: short, numbered, not a full sentence. A numbered line holding a
 * clause (a comma or semicolon inside it) is the first line of a wrapped paragraph, not a heading.
 */
function isHeadingLine(text: string): boolean {
  if (headingLevel(text) === undefined) return false;
  if (text.length > 60) return false;
  const body = text.replace(/[。.]$/, '');
  return !CLAUSE_END.test(body) && !/[，；]/.test(body);
}

/** Where a 类/款/项 heading ends in a text: just after “(项)” and its full stop, if any. */
function itemHeadingEnd(text: string): number | undefined {
  const m = /\(项\)[。.]?/.exec(text);
  return m ? (m.index ?? 0) + m[0].length : undefined;
}

/**
 * Joins the narrative lines into sentences. Lines of published text wrap anywhere (even inside
 * a word, and around blank lines), so text runs on until a sentence mark or a heading. A
 * 类/款/项 heading may wrap too, and its paragraph may start on the same line as its (项).
 */
export function sentences(lines: readonly TextLine[], work: Work = newWork()): Sentence[] {
  const out: Sentence[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  // The headings in force, shared by the sentences under them until the next heading.
  let inForce: string[] = [];
  const pending = new Gather();
  let open: { gather: Gather; level: number } | undefined;

  const emit = (part: Spans, heading: boolean): void => {
    const lead = part.text.length - part.text.trimStart().length;
    const trimmed = part.text.trim();
    if (trimmed === '') return;
    const piece = slice(part, lead, lead + trimmed.length);
    out.push({ text: piece.text, runs: piece.runs, headings: inForce, heading, index: out.length });
  };
  const flush = (): void => emit(pending.take(), false);
  /** Adds text; every sentence mark in it closes a sentence. */
  const append = (chunk: Spans): void => {
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(chunk.text); m; m = SENTENCE_END.exec(chunk.text)) {
      pending.add(slice(chunk, from, m.index + 1));
      flush();
      from = m.index + 1;
    }
    if (from < chunk.text.length) pending.add(from === 0 ? chunk : slice(chunk, from));
  };
  const pushHeading = (level: number, heading: Spans): void => {
    while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= level) headings.pop();
    headings.push({ level, text: heading.text.replace(/[。.]$/, '') });
    inForce = headings.map((h) => h.text);
    emit(heading, true);
  };
  /** An item heading, complete: push it, and feed what follows its (项) back as text. */
  const closeItem = (item: Spans, level: number): void => {
    const end = itemHeadingEnd(item.text) ?? item.text.length;
    pushHeading(level, slice(item, 0, end));
    if (end < item.text.length) append(slice(item, end));
  };

  for (const line of lines) {
    work.steps += line.text.length;
    const norm = normalise(line.text.replace(/^[-•·]\s*/, ''));
    if (norm === '') continue;
    const here = spans(norm, line.loc);
    if (open) {
      // The second half of a wrapped 类/款/项 heading: only the joint and the new line can complete its (项).
      const joint = open.gather.tail + norm;
      open.gather.add(here);
      if (itemHeadingEnd(joint) !== undefined || CLAUSE_END.test(norm)) {
        closeItem(open.gather.take(), open.level);
        open = undefined;
      }
      continue;
    }
    const level = headingLevel(norm);
    if (level !== undefined && /\((类|款|项)\)/.test(norm) && norm.indexOf('(') < 30) {
      flush();
      if (itemHeadingEnd(norm) !== undefined || CLAUSE_END.test(norm)) closeItem(here, level);
      else {
        open = { gather: new Gather(), level };
        open.gather.add(here);
      }
      continue;
    }
    if (isHeadingLine(norm)) {
      flush();
      pushHeading(level ?? 3, here);
      continue;
    }
    append(here);
  }
  if (open) closeItem(open.gather.take(), open.level);
  flush();
  return out;
}

/** Source location of the character at `offset` of a sentence. */
export function locAt(sentence: Sentence, offset: number): Location {
  return runAt(sentence.runs, offset) ?? { file: '', line: 0 };
}
