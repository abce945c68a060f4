import type { Amount, Cell, Column, LoadIssue, Row, Unit } from '../../model/document.js';
import type { Location } from '../../model/location.js';
import { D, halfUnit, parseNumber } from '../../model/number.js';
import { normaliseHeader, type ColumnSpec, type TableTemplate } from '../../templates/tables.js';
import { cellLoc, nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { CLASS_PART, CODE, CODE_PART, COLUMN_NUMBER, LABEL_NUMBERING, squeeze } from '../lexicon.js';
import { widest } from '../arrays.js';

/** What every table builder needs: where the table is, its unit, and a place to report problems. */
export interface BuildContext {
  table: string;
  unit: Unit;
  issues: LoadIssue[];
}

/** A table's columns and rows as one layout reads them. */
export interface BuiltTable {
  columns: Column[];
  rows: Row[];
  groups?: { personnel: string[]; public: string[] };
}

/** Reads the rows of one table block of a layout (see `TableTemplate.layout`). */
export type TableBuilder = (template: TableTemplate, body: readonly GridRow[], ctx: BuildContext) => BuiltTable;

/** A table body split at its data, with each physical column's header text and the table's width. */
export function readGrid(body: readonly GridRow[], isData: (row: GridRow) => boolean): { header: GridRow[]; data: GridRow[]; labels: ColumnLabel[]; width: number } {
  const { header, data } = splitHeader(body, isData);
  const labels = columnHeadings(header);
  return { header, data, labels, width: widest(data, labels.length) };
}

const TEN_THOUSAND = new D(10000);

/** Reads one amount cell. Values in 元 are converted to 万元 with their rounding radius. */
export function readCell(text: string | undefined, loc: Location, unit: Unit): Cell {
  const raw = (text ?? '').trim();
  const parsed = parseNumber(raw);
  switch (parsed.kind) {
    case 'blank':
      return { kind: 'blank', loc };
    case 'invalid':
      return { kind: 'invalid', text: raw, loc };
    case 'number': {
      const half = halfUnit(parsed.decimals);
      const amount: Amount =
        unit === '元'
          ? { value: parsed.value.div(TEN_THOUSAND), half: half.div(TEN_THOUSAND), text: raw, loc }
          : { value: parsed.value, half, text: raw, loc };
      return { kind: 'amount', amount };
    }
    default: {
      const never: never = parsed;
      return never;
    }
  }
}

/** A cell holding only ? (as `zjs import` writes for a value the source did not place): unknown. */
export const UNKNOWN_MARK = /^\s*[?？]\s*$/;

/** True when the source cannot tell what stands in this physical column of the row. */
export function isUnknown(row: GridRow, col: number): boolean {
  return row.uncertain?.unknown.includes(col) === true && (row.cells[col] ?? '').trim() === '';
}

/** Reads the cell in physical column `col` of a grid row: `unknown` where the source lost it. */
export function readGridCell(row: GridRow, col: number | undefined, loc: Location, unit: Unit): Cell {
  if (col === undefined) return readCell(undefined, loc, unit);
  if (isUnknown(row, col) || UNKNOWN_MARK.test(row.cells[col] ?? '')) return { kind: 'unknown', loc };
  return readCell(row.cells[col], loc, unit);
}

/** Whether a row prints anything (or may: an unknown cell) in the given columns. */
export function hasValueIn(row: GridRow, columns: Iterable<number>): boolean {
  for (const col of columns) if ((row.cells[col] ?? '').trim() !== '' || isUnknown(row, col)) return true;
  return false;
}

/** A row that opens no row of the table: reported with its text, never dropped silently. */
export function unrecognisedRow(row: GridRow, table: string, text = nonEmpty(row).join(' ')): LoadIssue {
  return { code: 'row-unrecognised', loc: rowLoc(row, table), params: { text } };
}

/** The cells of a row in the columns the header named, each with its location. */
export function readMappedCells(row: GridRow, table: string, key: string, mapped: ReadonlyMap<number, ColumnSpec>, unit: Unit): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const [col, spec] of mapped) cells[spec.key] = readGridCell(row, col, cellLoc(row, table, key, spec.key, col + 1), unit);
  return cells;
}

/** A 栏次 row: labelled 栏次, or a run of column numbers 1, 2, 3… */
export function isColumnNumberRow(row: GridRow): boolean {
  const cells = nonEmpty(row);
  if (cells.length === 0) return false;
  if (cells.some((c) => squeeze(c) === '栏次')) return true;
  if (cells.length < 3 || !cells.every((c) => COLUMN_NUMBER.test(c))) return false;
  const nums = cells.map(Number);
  return nums.every((n, i) => i === 0 || n > (nums[i - 1] ?? 0));
}

/** Splits a table body into header rows and data rows (at the 栏次 row, or at the first row with data). */
export function splitHeader(body: readonly GridRow[], isData: (row: GridRow) => boolean): {
  header: GridRow[];
  columnNumbers?: GridRow;
  data: GridRow[];
} {
  const numbers = body.findIndex((row) => isColumnNumberRow(row));
  // A row rebuilt from text that lost its columns is data even when none of its cells could be placed.
  const firstData = body.findIndex((row) => isData(row) || row.uncertain !== undefined);
  if (numbers >= 0 && (firstData < 0 || numbers < firstData)) {
    const columnNumbers = body[numbers];
    return {
      header: body.slice(0, numbers),
      ...(columnNumbers ? { columnNumbers } : {}),
      data: body.slice(numbers + 1),
    };
  }
  const cut = firstData < 0 ? body.length : firstData;
  return { header: body.slice(0, cut), data: body.slice(cut) };
}

/** Header text of each physical column, joined top to bottom, spaces removed. */
export function columnLabels(header: readonly GridRow[]): string[] {
  return columnHeadings(header).map((l) => l.text);
}

/**
 * The header of one physical column: its text joined over the header rows, and the header cells
 * it is joined from, top to bottom (each already rejoined when the PDF split its characters).
 */
export interface ColumnLabel {
  text: string;
  cells: readonly string[];
}

/** The header of each physical column, as text and as the cells it is made of. */
export function columnHeadings(header: readonly GridRow[]): ColumnLabel[] {
  const width = widest(header);
  const out: ColumnLabel[] = [];
  for (let col = 0; col < width; col++) {
    const cells = header.map((r) => normaliseHeader(r.cells[col] ?? '')).filter((c) => c !== '');
    out.push({ text: cells.join(''), cells });
  }
  return out;
}

/**
 * What a column's header may name: the whole text first, then the text without its top cells. A
 * merged heading over several columns (支出 over 合计 | 一般公共预算… , 本年支出 over 小计 | 基本支出)
 * is printed in one of them and joins that column's own heading ("支出合计"); without it, the
 * column's own heading is matched.
 */
function labelCandidates(label: ColumnLabel): string[] {
  const out = [label.text];
  for (let k = 1; k < label.cells.length; k++) out.push(label.cells.slice(k).join(''));
  return out;
}

/** The part of a column's header that names the column spec it was matched to (合计, not 支出合计). */
export function matchedLabel(label: ColumnLabel | undefined, spec: ColumnSpec): string | undefined {
  return label ? (labelCandidates(label).find((text) => spec.match.test(text)) ?? (label.text || undefined)) : undefined;
}

/**
 * Assigns template columns to physical columns by header text, left to right, each template
 * column at most once: a column is matched by its whole header when some column spec takes it,
 * else by its header without the merged headings above it. Returns physical index → column key.
 */
export function mapColumns(
  labels: readonly ColumnLabel[],
  from: number,
  to: number,
  specs: readonly ColumnSpec[],
): Map<number, ColumnSpec> {
  const used = new Set<string>();
  const map = new Map<number, ColumnSpec>();
  for (let col = from; col < to; col++) {
    const label = labels[col];
    if (!label || label.text === '' || /^行次$|栏次/.test(label.text)) continue;
    for (const text of labelCandidates(label)) {
      const spec = specs.find((s) => !used.has(s.key) && s.match.test(text));
      if (spec) {
        used.add(spec.key);
        map.set(col, spec);
        break;
      }
    }
  }
  return map;
}

/** Normalises a row label for matching: no numbering, spaces or bracket variants. */
export function normaliseLabel(text: string): string {
  return normaliseHeader(text)
    .replace(LABEL_NUMBERING, '')
    .replace(/[:：]$/, '');
}

/** 科目 code as printed whole or split over 类/款/项 cells; undefined when the parts are not a code. */
export function joinCode(parts: readonly string[]): string | undefined {
  const clean = parts.map(squeeze).filter((p) => p !== '');
  if (clean.length === 0) return undefined;
  if (clean.length === 1) return CODE.test(clean[0] ?? '') ? clean[0] : undefined;
  const [head, ...rest] = clean;
  if (!head || !CLASS_PART.test(head) || !rest.every((p) => CODE_PART.test(p)) || rest.length > 2) return undefined;
  return clean.join('');
}

/** 类 (3 digits), 款 (5) or 项 (7). */
export function codeLevel(code: string): 'class' | 'section' | 'item' {
  return code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
}
