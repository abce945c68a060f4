import type { Location } from '../model/location.js';

/**
 * A row of cells as laid out in the source: a tab-separated text line, a CSV record, a
 * spreadsheet row or a line rebuilt from PDF positions. Cell i is physical column i.
 */
export interface GridRow {
  cells: string[];
  loc: Location;
}

export function nonEmpty(row: GridRow): string[] {
  return row.cells.map((c) => c.trim()).filter((c) => c !== '');
}

export function isBlankRow(row: GridRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

/** The row's text with cells joined by single spaces. */
export function rowText(row: GridRow): string {
  return nonEmpty(row).join(' ');
}

/** Location of physical column `col` of a row. */
export function cellLoc(row: GridRow, extra: Partial<Location> = {}): Location {
  return { ...row.loc, ...extra };
}
