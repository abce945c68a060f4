import type { TableTemplate } from '../templates/tables.js';
import { summaryRowKey } from '../templates/rows.js';
import { columnLabels, isColumnNumberRow, looksLikeAmount, normaliseLabel } from './build/common.js';
import { nonEmpty, type GridRow } from './grid.js';
import { segment, type TableBlock } from './segment.js';
import { fieldsOf, layoutTable, widthModel } from './text-layout.js';
import { CODE, NUMBERED, TOTAL, dropPageFurniture, joinPieces, sourceLines, type SourceLine } from './text-lines.js';
import { tokenCount, unalignedTable } from './text-plain.js';

/**
 * How a table's text came: `tab` (cells a tab apart, empty cells kept), `layout` (cells aligned with
 * spaces, as `pdftotext -layout` writes), `plain` (a plain extraction: empty cells gone, a tab or
 * a space between the rest) or `cells` (one cell per line).
 */
export type TextShape = 'tab' | 'layout' | 'plain' | 'cells';

/**
 * A whole disclosure as text → grid rows. The shape is read from the text itself, never from the
 * file name: a text without tabs whose lines set words apart with runs of spaces is space-aligned
 * and read by character positions; otherwise each line is a row of tab-separated cells, and each
 * table is checked: when its tabs do not keep the columns (empty cells gone, one cell per line), it
 * is rebuilt from what can be read with certainty. Page numbers and running headers are dropped.
 */
export function textRows(file: string, text: string): GridRow[] {
  const lines = dropPageFurniture(sourceLines(text));
  return isSpaceAligned(lines) ? layoutRows(file, lines) : tabRows(file, lines);
}

/** The shape of the whole text (tables may still differ, see `blockShape`). */
export function documentShape(text: string): 'layout' | 'lines' {
  return isSpaceAligned(dropPageFurniture(sourceLines(text))) ? 'layout' : 'lines';
}

/** No tabs, and many lines with words set apart by two or more spaces. */
function isSpaceAligned(lines: readonly SourceLine[]): boolean {
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

/** Finds the table blocks of some rows and rebuilds each block's body; the rest stays as it is. */
function rebuildBlocks(rows: GridRow[], rebuild: (block: TableBlock, range: GridRow[]) => GridRow[]): GridRow[] {
  const seg = segment(rows);
  const index = new Map(rows.map((r, i) => [r, i]));
  const replaced = new Map<number, GridRow[]>();
  const skipped = new Set<number>();
  for (const block of seg.blocks) {
    const first = block.body[0];
    const last = block.body[block.body.length - 1];
    if (!first || !last) continue;
    const from = index.get(first) ?? 0;
    const to = index.get(last) ?? from;
    replaced.set(from, rebuild(block, rows.slice(from, to + 1)));
    for (let i = from + 1; i <= to; i++) skipped.add(i);
  }
  const out: GridRow[] = [];
  rows.forEach((row, i) => {
    const rebuilt = replaced.get(i);
    if (rebuilt) out.push(...rebuilt);
    else if (!skipped.has(i)) out.push(row);
  });
  return out;
}

const lineOf = (row: GridRow, lines: ReadonlyMap<number, SourceLine>): SourceLine => lines.get(row.loc.line) ?? { text: row.cells.join('\t'), line: row.loc.line, page: 1 };

function tabRows(file: string, lines: readonly SourceLine[]): GridRow[] {
  const rows: GridRow[] = lines.map((l) => ({ cells: l.text.split('\t').map((c) => c.trim()), loc: { file, line: l.line } }));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  return rebuildBlocks(rows, (block, range) => {
    const body = dropRepeatedHeader(range.filter((r) => r.cells.some((c) => c !== '')));
    const shape = blockShape(body);
    if (shape === 'tab') return strayNumbers(joinWrappedRows(body, block.template), block.template);
    const kept = new Set(body.map((r) => r.loc.line));
    const source = range.map((r) => lineOf(r, byLine)).filter((l) => kept.has(l.line) || l.text.trim() === '');
    return unalignedTable(file, block.template, source, shape === 'cells' ? 'cells' : 'plain');
  });
}

function layoutRows(file: string, lines: readonly SourceLine[]): GridRow[] {
  const model = widthModel(lines);
  const rows: GridRow[] = lines.map((l) => ({ cells: fieldsOf(l.text), loc: { file, line: l.line } }));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  return rebuildBlocks(rows, (block, range) => {
    const body = dropRepeatedHeader(range.filter((r) => r.cells.length > 0));
    const kept = new Set(body.map((r) => r.loc.line));
    const source = range.map((r) => lineOf(r, byLine)).filter((l) => kept.has(l.line));
    const table = layoutTable(file, source, model, (text) => isRowLabel(block.template, text));
    const joined = joinSplitLabels(joinAroundNumbers(table, block.template), block.template);
    const rebuilt = strayNumbers(joinWrappedRows(joined, block.template), block.template);
    if (readsWhole(rebuilt, block.template)) return rebuilt;
    // Positions that do not settle every value (cells left empty, pages laid out apart, headings
    // not over their numbers): read the table as a plain extraction, only what is certain.
    const plain = source.map((l) => ({ ...l, text: fieldsOf(l.text).join('\t') }));
    return unalignedTable(file, block.template, plain, 'plain');
  });
}

/**
 * Whether a table rebuilt from character positions can be trusted: no value was left unplaced, and
 * every column holding amounts is named by its header (or numbered by the 栏次 line of a 三公 table).
 */
function readsWhole(rows: readonly GridRow[], template: TableTemplate): boolean {
  if (rows.some((r) => r.uncertain)) return false;
  const dataAt = rows.findIndex((r) => hasData(r) || isColumnNumberRow(r));
  if (dataAt < 0) return true;
  const header = rows.slice(0, dataAt);
  const numbers = rows.find((r) => isColumnNumberRow(r));
  const amountColumns = new Set<number>();
  for (const r of rows.slice(dataAt)) r.cells.forEach((c, k) => looksLikeAmount(c) && amountColumns.add(k));
  const labels = columnLabels(header);
  const specs = [...template.columns, ...(template.incomeColumns ?? [])];
  return [...amountColumns].every((k) => {
    const label = labels[k] ?? '';
    switch (template.layout) {
      case 'three-public':
        return /^\d{1,2}$/.test((numbers?.cells[k] ?? '').trim());
      case 'panels':
        return /决算数|金额|合计/.test(label);
      default:
        return specs.some((s) => s.match.test(label));
    }
  });
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
function hasData(row: GridRow): boolean {
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

/**
 * A table continued on the next page repeats its header there: once data began, the header lines
 * printed again in order (all of them) are dropped.
 */
function dropRepeatedHeader(body: GridRow[]): GridRow[] {
  const dataAt = body.findIndex((r) => hasData(r) || isColumnNumberRow(r));
  if (dataAt <= 0) return body;
  const key = (r: GridRow): string => nonEmpty(r).join('').replace(/\s+/g, '');
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
function isRowLabel(template: TableTemplate, text: string): boolean {
  const label = normaliseLabel(text);
  if (NUMBERED.test(text.trim()) || TOTAL.test(label)) return true;
  if (template.layout !== 'two-sided') return false;
  return summaryRowKey(template.key, 'income', label) !== undefined || summaryRowKey(template.key, 'expense', label) !== undefined;
}

/**
 * Names wrapped onto lines of their own: a row with text only (no amount, code or number) that
 * opens no row of its own is part of the row above or below. It goes to the one whose cells under
 * it are empty on its own line (a name centred on its code starts above it and ends below); when
 * both are, the first half ends the row above and the rest starts the row below; else it
 * continues the row above.
 */
function joinWrappedRows(body: readonly GridRow[], template: TableTemplate): GridRow[] {
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
    const width = Math.max(target.cells.length, ...parts.map((w) => w.cells.length));
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
      out.push(...run.map(copy));
      continue;
    }
    // Column by column: the pieces of one cell go up or down by which row's cell is empty.
    const width = Math.max(...run.map((w) => w.cells.length));
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
  if (prefix.length > 0) out.push(...prefix.map(copy));
  return out;
}

/**
 * A label of a summary table wrapped over lines, its numbers centred between them: the line with
 * the label's start and the line with its numbers are one row when the label goes on after them
 * (on the numbers' line itself, or on the line under it).
 */
function joinSplitLabels(rows: readonly GridRow[], template: TableTemplate): GridRow[] {
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
function joinAroundNumbers(rows: readonly GridRow[], template: TableTemplate): GridRow[] {
  const filled = (r: GridRow): number[] => r.cells.flatMap((c, k) => (c !== '' ? [k] : []));
  const textOnly = (r: GridRow): boolean => filled(r).length > 0 && r.cells.every((c) => !/\d/.test(c));
  const numbersOnly = (r: GridRow): boolean => filled(r).length > 0 && r.cells.every((c) => c === '' || looksLikeAmount(c));
  const reads = (head: string, tail: string): boolean => {
    const joined = joinPieces(head, tail);
    if (template.layout === 'panels') return /^(人员经费|公用经费)合计$|^(基本支出)?合计$/.test(normaliseLabel(joined));
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
  return summaryRowKey(template.key, 'income', label) !== undefined || summaryRowKey(template.key, 'expense', label) !== undefined;
}

/**
 * Numbers on a line of their own, with no code or label (a cell printed higher or lower in a tall
 * row): which row they belong to cannot be told. They are kept as unplaced values, and the
 * empty amount cells of the rows around them become unknown.
 */
function strayNumbers(rows: readonly GridRow[], template: TableTemplate): GridRow[] {
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

