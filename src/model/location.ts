/**
 * Where a value or a sentence stands in the user's input. `line` is 1-based in the source
 * file (for PDFs: the line on the page, with `page` set).
 */
export interface Location {
  file: string;
  line: number;
  page?: number;
  /**
   * For a workbook: the 1-based position of the sheet among its tabs, which orders findings;
   * `file` names the sheet for display (`book.xlsx#收入决算表`).
   */
  sheet?: number;
  /** Key of the table the value belongs to (see `TableKey`). */
  table?: string;
  /** Row key inside the table: a 科目 code, `total`, or an item key. */
  row?: string;
  /** Column key inside the table. */
  column?: string;
  /** 1-based physical field of the source line (tab-separated field, CSV field, rebuilt PDF column). */
  field?: number;
}

/** Orders locations by file, page, line, then table/row/column: the order findings are printed in. */
export function compareLocations(a: Location, b: Location): number {
  if (a.file !== b.file) {
    if (a.sheet !== undefined && b.sheet !== undefined && a.sheet !== b.sheet && workbookOf(a.file) === workbookOf(b.file)) return a.sheet - b.sheet;
    return a.file < b.file ? -1 : 1;
  }
  const pa = a.page ?? 0;
  const pb = b.page ?? 0;
  if (pa !== pb) return pa - pb;
  if (a.line !== b.line) return a.line - b.line;
  const ka = `${a.table ?? ''}\u0000${a.row ?? ''}\u0000${a.column ?? ''}`;
  const kb = `${b.table ?? ''}\u0000${b.row ?? ''}\u0000${b.column ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The workbook part of a sheet's file name (`book.xlsx` of `book.xlsx#收入决算表`). */
function workbookOf(file: string): string | undefined {
  return /^(.*?\.xls[xm])#/i.exec(file)?.[1];
}

/** The file on disk a location is in: the workbook of a sheet (`book.xlsx`), else the file itself. */
export function sourceFile(loc: Location): string {
  return loc.sheet !== undefined ? (workbookOf(loc.file) ?? loc.file) : loc.file;
}

/**
 * Whether `line` is a line of the file on disk, as editors and CI annotations count them: not for
 * a PDF (a line on a page) or a sheet (a row of a workbook).
 */
export function isFileLine(loc: Location): boolean {
  return loc.page === undefined && loc.sheet === undefined;
}

/** `file:line` or `file:p3:12` for display. */
export function formatLocation(loc: Location): string {
  return loc.page !== undefined ? `${loc.file}:p${loc.page}:${loc.line}` : `${loc.file}:${loc.line}`;
}
