import type { TextLine } from '../model/document.js';
import type { Location } from '../model/location.js';

/** A sentence of the narrative, joined across wrapped lines, with where each character came from. */
export interface Sentence {
  /** Normalised text: lines joined, spaces beside Chinese text and numbers removed, ASCII brackets. */
  text: string;
  /** Source line of each character of `text`. */
  at: Location[];
  /** Headings in force, outermost first: “五、一般公共预算财政拨款支出决算情况说明”, “（三）…”, “6、…（项）”. */
  headings: string[];
  /** True for a heading itself (no claims are read from it, but it binds the sentences below). */
  heading: boolean;
  index: number;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
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
    .replace(new RegExp(`\\s+(?=[${CJK}()%,.])`, 'g'), '')
    .replace(new RegExp(`(?<=[${CJK}()%])\\s+`, 'g'), '')
    .trim();
}

/** A line that is a heading: short, numbered, not a full sentence. */
function isHeadingLine(text: string): boolean {
  if (headingLevel(text) === undefined) return false;
  if (text.length > 60) return false;
  const body = text.replace(/[。.]$/, '');
  return !CLAUSE_END.test(body);
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
  let text = '';
  let at: Location[] = [];
  let open: { text: string; at: Location[]; level: number } | undefined;

  const flush = (heading = false): void => {
    const trimmed = text.trim();
    if (trimmed !== '') {
      const lead = text.length - text.trimStart().length;
      out.push({ text: trimmed, at: at.slice(lead, lead + trimmed.length), headings: headings.map((h) => h.text), heading, index: out.length });
    }
    text = '';
    at = [];
  };
  const append = (chunk: string, loc: Location): void => {
    for (const ch of chunk) {
      text += ch;
      at.push(loc);
      if (SENTENCE_END.test(ch)) flush();
    }
  };
  const pushHeading = (level: number, heading: string, locs: Location[]): void => {
    while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= level) headings.pop();
    headings.push({ level, text: heading.replace(/[。.]$/, '') });
    text = heading;
    at = locs;
    flush(true);
  };
  /** An item heading, complete: push it, and feed what follows its (项) back as text. */
  const closeItem = (item: { text: string; at: Location[]; level: number }, loc: Location): void => {
    const end = itemHeadingEnd(item.text) ?? item.text.length;
    pushHeading(item.level, item.text.slice(0, end), item.at.slice(0, end));
    const rest = item.text.slice(end);
    if (rest !== '') append(rest, item.at[end] ?? loc);
  };

  for (const line of lines) {
    const norm = normalise(line.text.replace(/^[-•·]\s*/, ''));
    if (norm === '') continue;
    const locs = Array.from({ length: norm.length }, () => line.loc);
    if (open) {
      // The second half of a wrapped 类/款/项 heading.
      open = { text: open.text + norm, at: [...open.at, ...locs], level: open.level };
      if (itemHeadingEnd(open.text) !== undefined || CLAUSE_END.test(norm)) {
        closeItem(open, line.loc);
        open = undefined;
      }
      continue;
    }
    const level = headingLevel(norm);
    if (level !== undefined && /\((类|款|项)\)/.test(norm) && norm.indexOf('(') < 30) {
      flush();
      const item = { text: norm, at: locs, level };
      if (itemHeadingEnd(norm) !== undefined || CLAUSE_END.test(norm)) closeItem(item, line.loc);
      else open = item;
      continue;
    }
    if (text === '' && isHeadingLine(norm)) {
      pushHeading(headingLevel(norm) ?? 3, norm, locs);
      continue;
    }
    if (text !== '' && isHeadingLine(norm)) {
      flush();
      pushHeading(headingLevel(norm) ?? 3, norm, locs);
      continue;
    }
    append(norm, line.loc);
  }
  if (open) closeItem(open, open.at[0] ?? { file: '', line: 0 });
  flush();
  return out;
}

/** Location of the character range [start, end) of a sentence: its first line. */
export function locAt(sentence: Sentence, start: number): Location {
  return sentence.at[Math.min(start, sentence.at.length - 1)] ?? sentence.at[0] ?? { file: '', line: 0 };
}
