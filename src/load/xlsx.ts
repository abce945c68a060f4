import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { SourcePart } from './assemble.js';
import { fail, ok, type Loaded } from './errors.js';
import type { GridRow } from './grid.js';
import { amountText } from './xlsx-number.js';
import { unpackedSize, zipEntries } from './zip.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: an encrypted .xlsx (the package inside an EncryptionInfo stream) or a .xls.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Parts of a sheet the reader never needs; skipping them saves time on large workbooks.
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'legacyDrawing', 'picture', 'extLst', 'sheetPr', 'rowBreaks', 'colBreaks'];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

function utf16(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** Where a cell of a sheet is, in Excel's own notation (C7). */
function address(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The text of a cell value as the table shows it. */
function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return amountText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? '' : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (!isRecord(value)) return '';
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  }
  if (typeof value.error === 'string') return value.error;
  if ('text' in value) return valueText(value.text, numFmt);
  return '';
}

interface Types {
  merge: number;
  formula: number;
}

interface Formulas {
  /** Formulas with a saved result. */
  calculated: number;
  /** Formulas without one, and where the first is. */
  uncalculated: number;
  first?: { sheet: string; cell: string };
}

/**
 * One sheet as grid rows: line = spreadsheet row number, cell i = column i + 1. A merged range
 * keeps its text in the top-left cell only (the builders read headers that way). Every row is as
 * wide as the sheet's used columns, as Excel's CSV export writes them.
 */
function sheetRows(sheet: Worksheet, file: string, position: number, types: Types, formulas: Formulas): GridRow[] {
  const rows: GridRow[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell: Cell, col) => {
      if (cell.type === types.merge) return;
      let value = cell.value as unknown;
      if (cell.type === types.formula) {
        // `result`, not `value.result`: exceljs drops a saved 0 or empty string from the latter.
        value = cell.result as unknown;
        if (value === undefined) {
          formulas.uncalculated++;
          formulas.first ??= { sheet: sheet.name, cell: address(line, col) };
        } else {
          formulas.calculated++;
        }
      }
      const text = valueText(value, cell.numFmt).trim();
      if (text === '') return;
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
    });
    if (cells.length === 0) return;
    width = Math.max(width, cells.length);
    rows.push({ cells, loc: { file, line, sheet: position } });
  });
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return rows;
}

/** How a sheet is named in locations: `book.xlsx#收入决算表`, so every report shows it beside the row. */
export function sheetFile(file: string, sheet: string): string {
  return `${file}#${sheet}`;
}

/**
 * A workbook → one part per visible sheet, in tab order. Tables are found by their titles
 * wherever they are (one per sheet, several in one sheet, or a narrative sheet beside them).
 */
export async function xlsxParts(file: string, bytes: Uint8Array, unpackedLimit: number): Promise<Loaded<SourcePart[]>> {
  if (bytes.length === 0) return fail({ kind: 'empty', file });
  if (startsWith(bytes, OLE)) {
    return fail({ kind: 'xlsx', file, detail: includes(bytes, utf16('EncryptionInfo')) ? { kind: 'encrypted' } : { kind: 'legacy' } });
  }
  if (!startsWith(bytes, ZIP)) return fail({ kind: 'xlsx', file, detail: { kind: 'corrupt', message: 'not a zip package' } });
  const oversized = await unpackedOver(bytes, unpackedLimit);
  if (oversized) return fail({ kind: 'too-large', file, ...oversized, limit: unpackedLimit });
  let book: Workbook;
  let types: Types;
  try {
    // exceljs is heavy: it loads only when a workbook is read (and stays outside the bundle).
    const { default: ExcelJS } = await import('exceljs');
    types = { merge: ExcelJS.ValueType.Merge, formula: ExcelJS.ValueType.Formula };
    book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    return fail({ kind: 'xlsx', file, detail: { kind: 'corrupt', message: describe(error) } });
  }
  // `worksheets` is in tab order; hidden sheets are not part of what is published.
  const sheets = book.worksheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  if (sheets.length === 0) return fail({ kind: 'xlsx', file, detail: { kind: 'corrupt', message: 'no worksheet' } });
  const formulas: Formulas = { calculated: 0, uncalculated: 0 };
  const parts = sheets.map((sheet, i) => {
    const name = sheetFile(file, sheet.name);
    return { file: name, rows: sheetRows(sheet, name, i + 1, types, formulas) };
  });
  // A spreadsheet program saves every formula with its result; exceljs reads a saved empty string
  // as no result. So a workbook where no formula has one was never calculated (written by a
  // program): its figures are not in the file at all. Otherwise a formula without one is empty.
  if (formulas.uncalculated > 0 && formulas.calculated === 0 && formulas.first) {
    return fail({ kind: 'xlsx', file, detail: { kind: 'formula', ...formulas.first, count: formulas.uncalculated } });
  }
  if (parts.every((p) => p.rows.length === 0)) return fail({ kind: 'empty', file });
  return ok(parts);
}

/**
 * The part that takes the workbook's unpacked size over the limit, before anything is inflated
 * for reading: first by the sizes its directory states, then by inflating (and counting, not
 * keeping) what the data really holds. Undefined when it stays within the limit, or when the
 * package cannot be measured (the spreadsheet library then says what is wrong with it); a part
 * that cannot be inflated counts nothing (the library cannot read it either).
 */
async function unpackedOver(bytes: Uint8Array, limit: number): Promise<{ part: string; size: number } | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  let stated = 0;
  for (const entry of entries) {
    stated += entry.size;
    if (stated > limit) return { part: entry.name, size: stated };
  }
  let total = 0;
  for (const entry of entries) {
    total += (await unpackedSize(bytes, entry, limit - total)) ?? 0;
    if (total > limit) return { part: entry.name, size: total };
  }
  return undefined;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 120) || 'unreadable';
}
