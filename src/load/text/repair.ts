import type { TableTemplate } from '../../templates/tables.js';
import { summaryRowKey } from '../../templates/rows.js';
import { isColumnNumberRow, normaliseLabel } from '../build/common.js';
import { nonEmpty, type GridRow } from '../grid.js';
import { CODE, NUMBERED, PANEL_TOTAL_WHOLE, TOTAL, looksLikeAmount, squeeze } from '../lexicon.js';
import { joinPieces } from './lines.js';
import { hasData } from './shape.js';
import { append as appendAll, widest } from '../arrays.js';

/*
 * Row repair, for every text shape whose columns are kept (tab-separated or rebuilt from
 * positions): a header printed again on the next page, names wrapped onto lines of their own,
 * labels wrapped around their numbers, and numbers on a line of their own.
 */

/**
 * A table continued on the next page repeats its header there: once data began, the header lines
 * printed again in order (all of them) are dropped.
 */
export function dropRepeatedHeader(body: GridRow[]): GridRow[] {
  const dataAt = body.findIndex((r) => hasData(r) || isColumnNumberRow(r));
  if (dataAt <= 0) return body;
  const key = (r: GridRow): string => squeeze(nonEmpty(r).join(''));
  const header = body.slice(0, dataAt).map(key);
  const drop = new Set<number>();
  for (let i = dataAt; i + header.length <= body.length; i++) {
    if (header.every((h, k) => key(body[i + k] as GridRow) === h)) {
      for (let k = 0; k < header.length; k++) drop.add(i + k);
      i += header.length - 1;
    }
  }
  return body.filter((_, i) => !drop.has(i));
}

/**
 * The first row of a table's data: one with an amount or a code, the 栏次 line, or a row label
 * (合计 only with nothing but numbers after it: 合计 | 基本支出 | 项目支出 is a header line).
 */
function opensData(row: GridRow, template: TableTemplate): boolean {
  if (hasData(row) || isColumnNumberRow(row)) return true;
  const [first, ...rest] = nonEmpty(row);
  if (!first || !isRowLabel(template, first)) return false;
  return !TOTAL.test(normaliseLabel(first)) || rest.every((c) => /^[\d,.\s-]+$/.test(c));
}

/** Whether text opens a row of the table: numbered, a total, or one of the summary tables' labels. */
export function isRowLabel(template: TableTemplate, text: string): boolean {
  const label = normaliseLabel(text);
  if (NUMBERED.test(text.trim()) || TOTAL.test(label)) return true;
  if (template.layout !== 'two-sided') return false;
  return summaryRowKey(template, 'income', label) !== undefined || summaryRowKey(template, 'expense', label) !== undefined;
}

/**
 * Names wrapped onto lines of their own: a row with text only (no amount, code or number) that
 * opens no row of its own is part of the row above or below. It goes to the one whose cells under
 * it are empty on its own line (a name centred on its code starts above it and ends below); when
 * both are, the first half ends the row above and the rest starts the row below; else it
 * continues the row above.
 */
export function joinWrappedRows(body: readonly GridRow[], template: TableTemplate): GridRow[] {
  const dataAt = body.findIndex((r) => opensData(r, template));
  if (dataAt < 0) return body.map(copy);
  const isWrap = (r: GridRow): boolean => {
    const cells = nonEmpty(r);
    return cells.length > 0 && !r.uncertain && cells.every((c) => !/\d/.test(c) && !isRowLabel(template, c));
  };
  if (!body.slice(dataAt).some(isWrap)) return [...body];
  const out: GridRow[] = body.slice(0, dataAt).map(copy);
  const isLabel = (text: string): boolean => template.layout === 'two-sided' && isRowLabel(template, text);
  const whole = (text: string): boolean => wholeLabel(template, text);
  const own = new Map<GridRow, readonly string[]>();
  let above: GridRow | undefined;
  let prefix: GridRow[] = [];
  const append = (target: GridRow, parts: readonly GridRow[], before: boolean): void => {
    const width = widest(parts, target.cells.length);
    for (let k = 0; k < width; k++) {
      const text = parts.map((w) => w.cells[k] ?? '').reduce(joinPieces, '');
      if (text !== '') target.cells[k] = before ? joinPieces(text, target.cells[k] ?? '') : joinPieces(target.cells[k] ?? '', text);
    }
  };
  let i = dataAt;
  while (i < body.length) {
    const row = body[i] as GridRow;
    if (!isWrap(row)) {
      const kept = copy(row);
      own.set(kept, row.cells);
      if (prefix.length > 0) append(kept, prefix, true);
      prefix = [];
      out.push(kept);
      above = kept;
      i++;
      continue;
    }
    const run: GridRow[] = [];
    while (i < body.length && isWrap(body[i] as GridRow)) run.push(body[i++] as GridRow);
    const below = body[i];
    if (!above && !below) {
      appendAll(out, run.map(copy));
      continue;
    }
    // Column by column: the pieces of one cell go up or down by which row's cell is empty.
    const width = widest(run);
    const up: GridRow = { cells: new Array<string>(width).fill(''), loc: run[0]?.loc ?? row.loc };
    const down: GridRow = { cells: new Array<string>(width).fill(''), loc: up.loc };
    const alone: GridRow = { cells: new Array<string>(width).fill(''), loc: up.loc };
    for (let k = 0; k < width; k++) {
      const pieces = run.map((w) => w.cells[k] ?? '').filter((c) => c !== '');
      if (pieces.length === 0) continue;
      const aboveEmpty = above !== undefined && (own.get(above)?.[k] ?? '') === '';
      const belowEmpty = below !== undefined && (below.cells[k] ?? '') === '';
      // A summary-table label that is not whole yet goes on in the pieces under it; a whole one
      // takes nothing (text under it that opens no known row is reported, not glued to it).
      const aboveCell = above?.cells[k] ?? '';
      const aboveOpen = above !== undefined && aboveCell !== '' && isLabel(aboveCell) && !whole(aboveCell);
      const aboveClosed = template.layout === 'two-sided' && aboveCell !== '' && whole(aboveCell) && !whole(pieces.reduce(joinPieces, aboveCell));
      let toAbove = pieces.length;
      if (!above) toAbove = 0;
      else if (belowEmpty && !aboveOpen) toAbove = aboveEmpty ? Math.ceil(pieces.length / 2) : 0;
      if (toAbove > 0 && aboveClosed) {
        if (belowEmpty) toAbove = 0;
        else {
          alone.cells[k] = pieces.reduce(joinPieces, '');
          continue;
        }
      }
      up.cells[k] = pieces.slice(0, toAbove).reduce(joinPieces, '');
      down.cells[k] = pieces.slice(toAbove).reduce(joinPieces, '');
    }
    if (above) append(above, [up], false);
    if (alone.cells.some((c) => c !== '')) out.push(alone);
    prefix = down.cells.some((c) => c !== '') ? [down] : [];
  }
  if (prefix.length > 0) appendAll(out, prefix.map(copy));
  return out;
}

/**
 * A label of a summary table wrapped over lines, its numbers centred between them: the line with
 * the label's start and the line with its numbers are one row when the label goes on after them
 * (on the numbers' line itself, or on the line under it).
 */
export function joinSplitLabels(rows: readonly GridRow[], template: TableTemplate): GridRow[] {
  if (template.layout !== 'two-sided') return [...rows];
  const fragment = (text: string): boolean => text !== '' && !/\d/.test(text) && !NUMBERED.test(text) && !wholeLabel(template, text);
  const out: GridRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as GridRow;
    const next = rows[i + 1];
    const after = rows[i + 2];
    const filled = row.cells.flatMap((c, k) => (c !== '' ? [k] : []));
    const labelsOnly = filled.length > 0 && filled.every((k) => !/\d/.test(row.cells[k] ?? '') && isRowLabel(template, row.cells[k] ?? ''));
    if (!labelsOnly || !next || next.uncertain || !next.cells.some((c) => /\d/.test(c))) {
      out.push(row);
      continue;
    }
    const goesOn = (k: number): boolean => {
      const here = next.cells[k] ?? '';
      return here !== '' ? fragment(here) : fragment(after?.cells[k] ?? '');
    };
    const free = (k: number): boolean => (next.cells[k] ?? '') === '' || fragment(next.cells[k] ?? '');
    if (!filled.some(goesOn) || !filled.every(free)) {
      out.push(row);
      continue;
    }
    out.push({ ...next, cells: next.cells.map((c, k) => joinPieces(row.cells[k] ?? '', c)) });
    i++;
  }
  return out;
}

/**
 * Labels wrapped over two lines with their numbers centred between them (人员经费 / 4,358.34 /
 * 合计): three lines, text, numbers only, text under the same cells, are one row when each
 * joined label reads whole (or the lower part opens no row of its own).
 */
export function joinAroundNumbers(rows: readonly GridRow[], template: TableTemplate): GridRow[] {
  const filled = (r: GridRow): number[] => r.cells.flatMap((c, k) => (c !== '' ? [k] : []));
  const textOnly = (r: GridRow): boolean => filled(r).length > 0 && r.cells.every((c) => !/\d/.test(c));
  const numbersOnly = (r: GridRow): boolean => filled(r).length > 0 && r.cells.every((c) => c === '' || looksLikeAmount(c));
  const reads = (head: string, tail: string): boolean => {
    const joined = joinPieces(head, tail);
    if (template.layout === 'panels') return PANEL_TOTAL_WHOLE.test(normaliseLabel(joined));
    if (template.layout === 'two-sided') return wholeLabel(template, joined) && !wholeLabel(template, tail);
    return !isRowLabel(template, tail);
  };
  const out: GridRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i] as GridRow;
    const b = rows[i + 1];
    const c = rows[i + 2];
    if (b && c && textOnly(a) && numbersOnly(b) && textOnly(c)) {
      const top = filled(a);
      const bottom = filled(c);
      const apart = filled(b).every((k) => !top.includes(k));
      if (apart && bottom.every((k) => top.includes(k)) && bottom.every((k) => reads(a.cells[k] ?? '', c.cells[k] ?? ''))) {
        out.push({ ...b, cells: b.cells.map((v, k) => (v !== '' ? v : joinPieces(a.cells[k] ?? '', c.cells[k] ?? ''))) });
        i += 2;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A whole label of a summary table (not the first part of one wrapped over lines). */
function wholeLabel(template: TableTemplate, text: string): boolean {
  const label = normaliseLabel(text);
  return summaryRowKey(template, 'income', label) !== undefined || summaryRowKey(template, 'expense', label) !== undefined;
}

/**
 * Numbers on a line of their own, with no code or label (a cell printed higher or lower in a tall
 * row): which row they belong to cannot be told. They are kept as unplaced values, and the
 * empty amount cells of the rows around them become unknown.
 */
export function strayNumbers(rows: readonly GridRow[], template: TableTemplate): GridRow[] {
  if (template.layout !== 'coded' && template.layout !== 'two-sided') return [...rows];
  const dataAt = rows.findIndex((r) => opensData(r, template));
  if (dataAt < 0) return [...rows];
  const numbered = (r: GridRow): boolean => r.cells.some((c) => looksLikeAmount(c));
  const keyed = (r: GridRow): boolean => nonEmpty(r).some((c) => /[\u4e00-\u9fff]/.test(c) || CODE.test(c));
  const stray = rows.map((r, i) => i >= dataAt && !keyed(r) && numbered(r) && !isColumnNumberRow(r));
  if (!stray.some(Boolean)) return [...rows];
  const out = rows.map(copy);
  // The stray values' columns are known; their row is not: in the rows around them, those cells
  // (where empty) are unknown.
  const unsure = (r: GridRow | undefined, columns: readonly number[], values: readonly string[]): void => {
    if (!r) return;
    const unknown = columns.filter((k) => (r.cells[k] ?? '') === '' && !(r.uncertain?.unknown.includes(k) ?? false));
    r.uncertain = { unknown: [...(r.uncertain?.unknown ?? []), ...unknown], unplaced: [...(r.uncertain?.unplaced ?? []), ...values] };
  };
  const kept: GridRow[] = [];
  out.forEach((r, i) => {
    if (!stray[i]) {
      kept.push(r);
      return;
    }
    const columns = r.cells.flatMap((c, k) => (looksLikeAmount(c) ? [k] : []));
    const values = columns.map((k) => r.cells[k] ?? '');
    const before = [...out.slice(dataAt, i)].reverse().find((x, j) => !stray[i - 1 - j] && keyed(x));
    const after = out.slice(i + 1).find((x, j) => !stray[i + 1 + j] && keyed(x));
    unsure(before, columns, after ? [] : values);
    unsure(after, columns, values);
  });
  return kept;
}

const copy = (r: GridRow): GridRow => ({ ...r, cells: [...r.cells] });