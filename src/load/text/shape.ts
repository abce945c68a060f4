import type { GridRow } from '../grid.js';
import { CODE, looksLikeAmount } from '../lexicon.js';
import { dropPageFurniture, sourceLines, type SourceLine } from './lines.js';
import { tokenCount } from './plain.js';

/*
 * Shape detection: whether a whole text is space-aligned, and whether the tabs of one table keep
 * its columns, lost its empty cells, or hold one cell a line. Read from the text, never the name.
 */

/**
 * How a table's text came: `tab` (cells a tab apart, empty cells kept), `layout` (cells aligned with
 * spaces, as `pdftotext -layout` writes), `plain` (a plain extraction: empty cells gone, a tab or
 * a space between the rest) or `cells` (one cell per line).
 */
export type TextShape = 'tab' | 'layout' | 'plain' | 'cells';

/** The shape of the whole text (tables may still differ, see `blockShape`). */
export function documentShape(text: string): 'layout' | 'lines' {
  return isSpaceAligned(dropPageFurniture(sourceLines(text))) ? 'layout' : 'lines';
}

/** No tabs, and many lines with words set apart by two or more spaces. */
export function isSpaceAligned(lines: readonly SourceLine[]): boolean {
  let spaced = 0;
  let printed = 0;
  for (const l of lines) {
    if (l.text.includes('\t')) return false;
    if (l.text.trim() === '') continue;
    printed++;
    if (/\S {2,}\S/.test(l.text.trim())) spaced++;
  }
  return spaced >= 3 && spaced >= printed * 0.1;
}

/**
 * Whether a table's tabs keep its columns: every line has tabs, each field holds one kind of thing
 * on every data line (codes or labels, or amounts), and no data line is shorter than the usual one,
 * as when empty cells are kept. A plain extraction drops empty cells, so an amount lands in a field
 * that holds a name on the next line, or a line comes out short. One value or word a line
 * throughout is `cells`; anything else is `plain`.
 */
export function blockShape(body: readonly GridRow[]): TextShape {
  if (body.length >= 3 && body.every((r) => r.cells.length <= 1 && tokenCount(r.cells[0] ?? '') <= 1)) return 'cells';
  if (body.some((r) => r.cells.length < 2)) return 'plain';
  const data = body.filter(hasData);
  // Per field, a bit for amounts (1) and one for codes and labels (2): both set means plain.
  const kinds: number[] = [];
  for (const row of data) {
    for (let k = 0; k < row.cells.length; k++) {
      const text = (row.cells[k] ?? '').trim();
      if (text === '') continue;
      // A mistyped amount (7l2.37) is still in an amount column.
      const amount = looksLikeAmount(text) || (/\d[.,，]\d/.test(text) && !/[\u4e00-\u9fff]/.test(text));
      kinds[k] = (kinds[k] ?? 0) | (amount ? 1 : 2);
      if (kinds[k] === 3) return 'plain';
    }
  }
  // A data line shorter than the others may have lost an empty cell anywhere, not only at its end.
  const counts = new Map<number, number>();
  for (const r of data) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  return data.every((r) => r.cells.length >= usual) ? 'tab' : 'plain';
}

const DATA = new WeakMap<GridRow, boolean>();

/** A row with an amount, or a code first (remembered: every pass over a table asks). */
export function hasData(row: GridRow): boolean {
  let known = DATA.get(row);
  if (known === undefined) {
    known = readsData(row);
    DATA.set(row, known);
  }
  return known;
}

function readsData(row: GridRow): boolean {
  // A line without tabs is one cell: its words say whether it holds data.
  const words = row.cells.length === 1 ? (row.cells[0] ?? '').trim().split(/[\s\u3000]+/) : row.cells;
  let first: string | undefined;
  for (const raw of words) {
    // Rebuilt rows can have holes (a cell never placed): a hole holds no data.
    const word = (raw as string | undefined)?.trim() ?? '';
    if (word === '') continue;
    first ??= word;
    if (looksLikeAmount(word)) return true;
  }
  return first !== undefined && CODE.test(first);
}
