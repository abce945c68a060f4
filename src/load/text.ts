import type { GridRow } from './grid.js';
import { splitLines } from './decode.js';

/**
 * A whole disclosure as text: each line is a grid row, tab-separated cells keep their columns
 * (empty fields included), page breaks (form feeds) are dropped.
 */
export function textRows(file: string, text: string): GridRow[] {
  return splitLines(text).map((line, i) => ({
    cells: line.replace(/\f/g, '').split('\t').map((c) => c.trim()),
    loc: { file, line: i + 1 },
  }));
}
