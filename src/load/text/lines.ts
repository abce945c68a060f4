import { splitLines } from '../decode.js';
import type { GridRow } from '../grid.js';
import { CODE, COLUMN_NUMBER, WIDE, isPageNumber, looksLikeAmount, squeeze } from '../lexicon.js';
import { isTitleOrMeta } from '../segment.js';
import { BUILTIN_TEMPLATES, type TemplateSet } from '../../templates/tables.js';

/** One line of a text file: its content, its 1-based line number, its page (counted at form feeds). */
export interface SourceLine {
  text: string;
  line: number;
  page: number;
}

/** The source line a grid row was made from (or its cells again, tab-separated). */
export const sourceLineOf = (row: GridRow, lines: ReadonlyMap<number, SourceLine>): SourceLine =>
  lines.get(row.loc.line) ?? { text: row.cells.join('\t'), line: row.loc.line, page: 1 };

/** The text's lines, form feeds turned into page numbers. */
export function sourceLines(text: string): SourceLine[] {
  let page = 1;
  return splitLines(text).map((raw, i) => {
    if (!raw.includes('\f')) return { text: raw, line: i + 1, page };
    const breaks = raw.split('\f').length - 1;
    // A form feed at the start of a line opens the page that line is on.
    const leading = /^\f+/.exec(raw)?.[0].length ?? 0;
    page += leading;
    const line = { text: raw.replace(/\f/g, ''), line: i + 1, page };
    page += breaks - leading;
    return line;
  });
}

/** A line's text for recognising repeats: no spaces, digits generalised (page numbers change). */
const repeatKey = (text: string): string => squeeze(text).replace(/\d+/g, '#');

/**
 * Drops page numbers, and running headers or footers repeated at page edges. With form feeds a
 * page's first and last printed lines are its edges (a bare number there is a page number); without
 * them, a decorated page number marks the edge and the lines just around it are looked at.
 */
export function dropPageFurniture(lines: readonly SourceLine[], templates: TemplateSet = BUILTIN_TEMPLATES): SourceLine[] {
  const dropped = new Set<SourceLine>();
  const printed = lines.filter((l) => l.text.trim() !== '');
  const pages = new Map<number, SourceLine[]>();
  for (const l of printed) {
    const list = pages.get(l.page);
    if (list) list.push(l);
    else pages.set(l.page, [l]);
  }
  const edges: SourceLine[] = [];
  if (pages.size > 1) {
    for (const list of pages.values()) {
      const top = list.slice(0, 2);
      const bottom = list.slice(-2);
      for (const l of [...top, ...bottom]) {
        const t = l.text.trim();
        if (isPageNumber(t, l === list[0] || l === list[list.length - 1])) dropped.add(l);
        // Titles and unit lines open a table on every page: they are content, however often they repeat.
        else if (!isTitleOrMeta(t, templates) && !/\d\.\d/.test(t)) edges.push(l);
      }
    }
    const seen = new Map<string, Set<number>>();
    for (const l of edges) {
      const key = repeatKey(l.text);
      seen.set(key, (seen.get(key) ?? new Set<number>()).add(l.page));
    }
    const repeated = Math.max(2, Math.min(3, Math.ceil(pages.size / 2)));
    for (const l of edges) if ((seen.get(repeatKey(l.text))?.size ?? 0) >= repeated) dropped.add(l);
  }
  // Decorated page numbers anywhere; without form feeds, a line repeated next to three or more of
  // them is a running header or footer.
  const marks: number[] = [];
  printed.forEach((l, i) => {
    if (isPageNumber(l.text.trim(), false)) {
      dropped.add(l);
      marks.push(i);
    }
  });
  const around = new Map<string, SourceLine[]>();
  for (const i of marks) {
    for (const j of [i - 1, i + 1]) {
      const l = printed[j];
      if (!l || dropped.has(l) || /\d\.\d/.test(l.text)) continue;
      const key = repeatKey(l.text);
      const list = around.get(key);
      if (list) list.push(l);
      else around.set(key, [l]);
    }
  }
  if (pages.size <= 1) for (const list of around.values()) if (list.length >= 3) for (const l of list) dropped.add(l);
  return lines.filter((l) => !dropped.has(l));
}

/** Kinds of the words of a table line. */
export type TokenKind = 'amount' | 'code' | 'int' | 'text';

export function tokenKind(text: string): TokenKind {
  if (looksLikeAmount(text)) return 'amount';
  if (CODE.test(text)) return 'code';
  if (COLUMN_NUMBER.test(text)) return 'int';
  return 'text';
}

/** Joins two pieces of one cell: nothing between Chinese characters, one space between Latin words. */
export function joinPieces(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return WIDE.test(a.slice(-1)) || WIDE.test(b.slice(0, 1)) ? a + b : `${a} ${b}`;
}
