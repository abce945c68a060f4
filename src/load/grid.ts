import type { Location } from '../model/location.js';

/**
 * A row of cells as laid out in the source: a tab-separated text line, a CSV record, a
 * spreadsheet row or a line rebuilt from PDF positions. Cell i is physical column i.
 */
export interface GridRow {
  cells: string[];
  loc: Location;
  /**
   * Set when the source lost where the row's values stand (a plain text extraction drops empty
   * cells): `unknown` lists the physical columns whose content cannot be told, `unplaced` the
   * values printed for the row (or next to it) that could not be put in a column.
   */
  uncertain?: {
    unknown: number[];
    unplaced: string[];
    /** The row's printed values admit no placement under which the table's sums hold (a changed value): its printed line. */
    inconsistent?: { text: string };
  };
  /**
   * Set when the source did not show which column each value is in and the reader placed them by
   * the table's identities: the order of the columns taken, and how many identities it satisfies.
   */
  placed?: { order: string; holding: number; sums: number };
}

export function nonEmpty(row: GridRow): string[] {
  // One pass, one array: every row of every document goes through here, often several times.
  const out: string[] = [];
  for (const cell of row.cells) {
    const text = cell.trim();
    if (text !== '') out.push(text);
  }
  return out;
}

/** A row with nothing printed in it (a row whose values could not be placed is not blank). */
export function isBlankRow(row: GridRow): boolean {
  return row.uncertain === undefined && row.cells.every((c) => c.trim() === '');
}

/** The row's text with cells joined by single spaces. */
export function rowText(row: GridRow): string {
  return nonEmpty(row).join(' ');
}

/** Location of a table row (issues and rows use it; cells add column and field). */
export function rowLoc(row: GridRow, table: string, rowKey?: string): Location {
  const base = row.loc;
  const loc: Location = base.page === undefined ? { file: base.file, line: base.line, table } : { file: base.file, line: base.line, page: base.page, table };
  if (base.sheet !== undefined) loc.sheet = base.sheet;
  if (rowKey !== undefined) loc.row = rowKey;
  return loc;
}

/**
 * Location of a cell: the row's file/line/page plus its table, row key, column key and field.
 * Built property by property: spreading the row's location per cell was the loader's hot spot.
 */
export function cellLoc(row: GridRow, table: string, rowKey: string, column: string, field: number): Location {
  const base = row.loc;
  if (base.sheet !== undefined) return { file: base.file, line: base.line, sheet: base.sheet, table, row: rowKey, column, field };
  return base.page === undefined
    ? { file: base.file, line: base.line, table, row: rowKey, column, field }
    : { file: base.file, line: base.line, page: base.page, table, row: rowKey, column, field };
}
