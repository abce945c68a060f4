import type { TextLine } from '../model/document.js';
import type { Location } from '../model/location.js';

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

const EMPTY: Spans = { text: '', runs: [] };

function spans(text: string, loc: Location): Spans {
  return { text, runs: text === '' ? [] : [{ from: 0, loc }] };
}

function concat(a: Spans, b: Spans): Spans {
  return { text: a.text + b.text, runs: [...a.runs, ...b.runs.map((r) => ({ from: r.from + a.text.length, loc: r.loc }))] };
}

function slice(a: Spans, start: number, end = a.text.length): Spans {
  const runs: Run[] = [];
  for (let i = 0; i < a.runs.length; i++) {
    const run = a.runs[i];
    if (!run) continue;
    const next = a.runs[i + 1]?.from ?? a.text.length;
    if (next <= start || run.from >= end) continue;
    runs.push({ from: Math.max(run.from, start) - start, loc: run.loc });
  }
  return { text: a.text.slice(start, end), runs };
}

function runAt(runs: readonly Run[], offset: number): Location | undefined {
  let found = runs[0]?.loc;
  for (const run of runs) {
    if (run.from > offset) break;
    found = run.loc;
  }
  return found;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const SPACE_BEFORE = new RegExp(`\\s+(?=[${CJK}()%,.])`, 'g');
const SPACE_AFTER = new RegExp(`(?<=[${CJK}()%])\\s+`, 'g');
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|\d{1,2}[、.](?!\d))/;
const SENTENCE_END = /[。！？!?]/;
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

/** Full-width brackets and digits to ASCII; spaces between Chinese, digits and units dropped. */
function normalise(line: string): string {
  const half = line
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[％]/g, '%')
    .replace(/\u3000/g, ' ');
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
export function sentences(lines: readonly TextLine[]): Sentence[] {
  const out: Sentence[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let pending: Spans = EMPTY;
  let open: (Spans & { level: number }) | undefined;

  const emit = (part: Spans, heading: boolean): void => {
    const lead = part.text.length - part.text.trimStart().length;
    const trimmed = part.text.trim();
    if (trimmed === '') return;
    const piece = slice(part, lead, lead + trimmed.length);
    out.push({ text: piece.text, runs: piece.runs, headings: headings.map((h) => h.text), heading, index: out.length });
  };
  const flush = (): void => {
    emit(pending, false);
    pending = EMPTY;
  };
  /** Adds text; every sentence mark in it closes a sentence. */
  const append = (chunk: Spans): void => {
    let rest = chunk;
    for (;;) {
      const end = rest.text.search(SENTENCE_END);
      if (end < 0) {
        pending = concat(pending, rest);
        return;
      }
      pending = concat(pending, slice(rest, 0, end + 1));
      flush();
      rest = slice(rest, end + 1);
      if (rest.text === '') return;
    }
  };
  const pushHeading = (level: number, heading: Spans): void => {
    while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= level) headings.pop();
    headings.push({ level, text: heading.text.replace(/[。.]$/, '') });
    emit(heading, true);
  };
  /** An item heading, complete: push it, and feed what follows its (项) back as text. */
  const closeItem = (item: Spans & { level: number }): void => {
    const end = itemHeadingEnd(item.text) ?? item.text.length;
    pushHeading(item.level, slice(item, 0, end));
    if (end < item.text.length) append(slice(item, end));
  };

  for (const line of lines) {
    const norm = normalise(line.text.replace(/^[-•·]\s*/, ''));
    if (norm === '') continue;
    const here = spans(norm, line.loc);
    if (open) {
      // The second half of a wrapped 类/款/项 heading.
      open = { ...concat(open, here), level: open.level };
      if (itemHeadingEnd(open.text) !== undefined || CLAUSE_END.test(norm)) {
        closeItem(open);
        open = undefined;
      }
      continue;
    }
    const level = headingLevel(norm);
    if (level !== undefined && /\((类|款|项)\)/.test(norm) && norm.indexOf('(') < 30) {
      flush();
      const item = { ...here, level };
      if (itemHeadingEnd(norm) !== undefined || CLAUSE_END.test(norm)) closeItem(item);
      else open = item;
      continue;
    }
    if (isHeadingLine(norm)) {
      flush();
      pushHeading(level ?? 3, here);
      continue;
    }
    append(here);
  }
  if (open) closeItem(open);
  flush();
  return out;
}

/** Source location of the character at `offset` of a sentence. */
export function locAt(sentence: Sentence, offset: number): Location {
  return runAt(sentence.runs, offset) ?? { file: '', line: 0 };
}
