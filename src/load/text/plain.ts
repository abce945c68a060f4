import type { Side } from '../../model/document.js';
import { summaryRowKey } from '../../templates/rows.js';
import { normaliseHeader, type ColumnSpec, type TableTemplate } from '../../templates/tables.js';
import { normaliseLabel } from '../build/common.js';
import type { GridRow } from '../grid.js';
import { CODE_PART, KEY_HEADING, KEY_WORD, NUMBERED, PANEL_TOTALS, TOTAL } from '../lexicon.js';
import { joinPieces, tokenKind, type SourceLine, type TokenKind } from './lines.js';
import { append } from '../arrays.js';
import { placeLoose, type LooseLine } from './loose.js';
import type { Known } from './summary.js';
import { D, halfUnit, parseNumber, type Dec } from '../../model/number.js';
import { THREE_PUBLIC_HEADINGS, THREE_PUBLIC_ITEMS, THREE_PUBLIC_KIND_HEADINGS, THREE_PUBLIC_NAMES, THREE_PUBLIC_SUMS, type ThreePublicItem } from '../../templates/three-public.js';

/**
 * Tables whose text lost the empty cells: a plain extraction (cells a tab or a space apart, empty
 * ones gone, cells printed higher or lower in a tall row on lines of their own), or a table printed
 * one cell per line. Nothing says which column a value was in, so only what is certain is read:
 *
 * - a row whose count of values equals the count of amount columns (all named in the header);
 * - the first value of a row, when the first amount column is the row's total (a total is printed
 *   whenever any part is) and all the row's values are on its own line;
 * - a row with no value at all, when no stray value is near it: its cells are empty;
 * - a label of the two summary tables and the values that follow it up to the next label.
 *
 * Values on a line of their own belong to the row after them only when the row before cannot take
 * them (it is full, or there is none); otherwise both rows are unknown. Everything not placed is
 * kept on the row as `unplaced`, and the cells it could stand in as `unknown`.
 */
export type UnalignedShape = 'plain' | 'cells';

export interface Token {
  text: string;
  kind: TokenKind;
}

export interface PlainLine {
  source: SourceLine;
  tokens: Token[];
}

/** A line's tokens: its tab fields (or its words), numbers apart, Chinese words of one field joined. */
function tokensOf(text: string): Token[] {
  const tabbed = text.includes('\t');
  const fields = tabbed ? text.split('\t') : [text];
  const out: Token[] = [];
  let previous: Token | undefined;
  for (const field of fields) {
    let open: Token | undefined;
    for (const word of field.trim().split(/[\s\u3000]+/)) {
      if (word === '') continue;
      const kind = tokenKind(word);
      // 201 06 01: the 款 and 项 parts of a code printed apart.
      if (kind === 'int' && CODE_PART.test(word) && previous?.kind === 'code' && previous.text.length < 7) {
        previous.text += word;
        continue;
      }
      if (kind === 'text' && open && !NUMBERED.test(word)) {
        open.text = joinPieces(open.text, word);
        continue;
      }
      const token = { text: word, kind };
      out.push(token);
      open = kind === 'text' ? token : undefined;
      previous = token;
    }
  }
  return out;
}

/** Lines with their tokens. */
export const plainLines = (lines: readonly SourceLine[]): PlainLine[] => lines.map((source) => ({ source, tokens: tokensOf(source.text) }));

/** How many cells a line holds once its words are read as cells (one cell per line: at most one). */
export function tokenCount(text: string): number {
  return tokensOf(text).length;
}

const amounts = (line: PlainLine): string[] => line.tokens.filter((t) => t.kind === 'amount').map((t) => t.text);
const hasText = (line: PlainLine): boolean => line.tokens.some((t) => t.kind === 'text');

/**
 * The template's amount columns named in the printed header, in template order. A heading broken
 * over lines still names its column by its first part (本年收入合 for 本年收入合计, three
 * characters at least). `all` is true when the printed columns are known for certain: every
 * template column is named, or (a header printed one cell a line) every header word is a key
 * heading or names a column.
 */
export function namedColumns(specs: readonly ColumnSpec[], words: readonly string[], shape: UnalignedShape): { specs: ColumnSpec[]; all: boolean } {
  const names = (s: ColumnSpec, w: string): boolean => s.match.test(w) || (w.length >= 3 && normaliseHeader(s.name.zh).startsWith(w));
  const named = specs.filter((s) => words.some((w) => names(s, w)));
  const accounted = shape === 'cells' && words.every((w) => KEY_HEADING.test(w) || named.some((s) => names(s, w)));
  return { specs: named, all: named.length > 0 && (named.length === specs.length || accounted) };
}

export function headerWords(lines: readonly PlainLine[]): string[] {
  return lines.flatMap((l) => l.source.text.split(/[\t\s\u3000]+/)).map(normaliseHeader).filter((w) => w !== '' && !/\d\.\d/.test(w));
}

/** How the cells of one side of a row are read from the values printed for it. */
interface Placement {
  cells: string[];
  unknown: number[];
  unplaced: string[];
}

/**
 * The values printed for one row (all on its own line, in order) → its cells, or unknown cells.
 * `firstIsTotal`: the first column is the row's total; `complete`: every column is named.
 */
function place(values: readonly string[], columns: number, firstIsTotal: boolean, complete: boolean, certain: boolean): Placement {
  const cells = new Array<string>(columns).fill('');
  const all = Array.from({ length: columns }, (_, i) => i);
  if (!certain) return { cells, unknown: all, unplaced: [...values] };
  if (values.length === 0) return { cells, unknown: [], unplaced: [] };
  if (values.length === columns && complete) return { cells: [...values], unknown: [], unplaced: [] };
  if (firstIsTotal && columns > 0) {
    cells[0] = values[0] ?? '';
    return { cells, unknown: all.slice(1), unplaced: values.slice(1) };
  }
  return { cells, unknown: all, unplaced: [...values] };
}

const row = (file: string, cells: string[], line: SourceLine, placements: readonly Placement[], offsets: readonly number[]): GridRow => {
  const unknown = placements.flatMap((p, k) => p.unknown.map((i) => i + (offsets[k] ?? 0)));
  const unplaced = placements.flatMap((p) => p.unplaced);
  const out: GridRow = { cells, loc: { file, line: line.line } };
  if (unknown.length > 0 || unplaced.length > 0) out.uncertain = { unknown, unplaced };
  return out;
};

/** Rebuilds one table block whose text lost its empty cells; see the module comment. */
export function unalignedTable(file: string, template: TableTemplate, lines: readonly SourceLine[], shape: UnalignedShape, known?: Known): GridRow[] {
  const plain = plainLines(lines).filter((l) => l.tokens.length > 0);
  switch (template.layout) {
    case 'coded':
      return coded(file, template, plain, shape, known?.totals.get(template.key), known?.floors.get(template.key));
    case 'two-sided':
      return twoSided(file, template, plain, shape);
    case 'panels':
      return panels(file, plain, shape);
    case 'three-public':
      return threePublic(file, plain);
    case 'listed':
      // Read by the order of labels and amounts on each line, never by position: lines as they are.
      return plain.map((l) => headerRow(file, l));
    default: {
      const never: never = template.layout;
      return never;
    }
  }
}

/** A header line as its tab fields. */
const headerRow = (file: string, line: PlainLine): GridRow => ({ cells: line.source.text.split('\t').map((c) => c.trim()), loc: { file, line: line.source.line } });

interface CodedRow {
  key: { code?: string; total?: true };
  line: SourceLine;
  name: string[];
  /** The name, or a part of it, is printed on the row's own line. */
  named: boolean;
  own: string[];
  /** Values from a line of their own that belong to this row for certain (their order is not known). */
  extra: string[];
  unsure: boolean;
  /** Stray values next to this row that may be its own or its neighbour's. */
  stray: string[];
  /** Lines between this row and the next (names, values). */
  after: number;
}

function coded(
  file: string,
  template: TableTemplate,
  lines: readonly PlainLine[],
  shape: UnalignedShape,
  totals?: ReadonlyMap<string, string>,
  floors?: ReadonlyMap<string, ReadonlyMap<string, string>>,
): GridRow[] {
  const keyOf = (line: PlainLine): CodedRow['key'] | undefined => {
    const words = line.tokens.filter((t) => !(t.kind === 'text' && KEY_WORD.test(normaliseHeader(t.text))));
    const first = words[0];
    if (first?.kind === 'code') return { code: first.text };
    // 合计 opens a row when nothing but numbers follows it (合计 | 基本支出 | 项目支出 is a header line).
    if (first?.kind === 'text' && TOTAL.test(normaliseLabel(first.text)) && words.slice(1).every((t) => t.kind !== 'text')) return { total: true };
    return undefined;
  };
  // One cell a line, a 合计 heading reads like the 合计 row: the rows start after the 栏次 line.
  const numbers = shape === 'cells' ? lines.findIndex((l) => normaliseHeader(l.tokens[0]?.text ?? '') === '栏次') : -1;
  let firstRow = lines.findIndex((l, i) => i > numbers && keyOf(l) !== undefined);
  // A name centred on the first row's code starts on the line above it and ends on the line under it.
  const above = lines[firstRow - 1];
  const firstLine = lines[firstRow];
  const under = lines[firstRow + 1];
  const textLine = (l: PlainLine | undefined): boolean => l !== undefined && l.tokens.length > 0 && l.tokens.every((t) => t.kind === 'text' && !KEY_WORD.test(normaliseHeader(t.text)) && !KEY_HEADING.test(normaliseHeader(t.text)));
  if (shape === 'plain' && firstLine && keyOf(firstLine)?.code && !hasText(firstLine) && textLine(above) && textLine(under)) firstRow--;
  const header = firstRow < 0 ? lines : lines.slice(0, firstRow);
  const named = namedColumns(template.columns, headerWords(header), shape);
  const columns = named.specs.length;
  const firstIsTotal = named.specs[0] !== undefined && named.specs[0] === template.columns[0] && template.columns[0].key === 'total';
  const rows: CodedRow[] = [];
  let pending: string[] = header.flatMap(amounts);
  // Each line of values of its own, and the row above it (-1: none), for the arithmetic.
  const loose: LooseLine[] = header.map(amounts).filter((v) => v.length > 0).map((values) => ({ above: -1, values }));
  let names: string[] = [];
  const full = (r: CodedRow): boolean => r.own.length + r.extra.length >= columns && named.all;
  for (const line of lines.slice(firstRow < 0 ? lines.length : firstRow)) {
    const key = keyOf(line);
    if (key) {
      const previous = rows[rows.length - 1];
      const own = amounts(line);
      const current: CodedRow = { key, line: line.source, name: [], named: false, own, extra: [], unsure: false, stray: [], after: 0 };
      const name = line.tokens.filter((t) => t.kind === 'text' && !KEY_WORD.test(normaliseHeader(t.text)) && !TOTAL.test(normaliseLabel(t.text))).map((t) => t.text);
      current.name = name;
      current.named = name.length > 0;
      // Stray values between the previous row and this one.
      if (pending.length > 0) {
        if (!previous || full(previous)) append(current.extra, pending);
        else if (shape === 'cells') append(previous.extra, pending);
        else {
          previous.unsure = true;
          current.unsure = true;
          append(current.stray, pending);
        }
      }
      // Name lines between the two rows go to the row that lacks a name; when both do, the first
      // half ends the row above and the rest starts this one (names centred on their codes).
      if (names.length > 0) {
        if (shape === 'cells' && previous) append(previous.name, names);
        else if (!previous || (name.length === 0 && previous.named)) append(current.name, names);
        else if (name.length === 0) {
          const half = Math.ceil(names.length / 2);
          append(previous.name, names.slice(0, half));
          append(current.name, names.slice(half));
        } else append(previous.name, names);
      }
      pending = [];
      names = [];
      rows.push(current);
      continue;
    }
    const values = amounts(line);
    const current = rows[rows.length - 1];
    if (current) current.after++;
    if (values.length > 0) {
      append(pending, values);
      loose.push({ above: rows.length - 1, values });
    } else if (hasText(line)) names.push(line.tokens.map((t) => t.text).join(''));
  }
  const last = rows[rows.length - 1];
  if (last && pending.length > 0) {
    if (full(last) || shape === 'cells') append(last.extra, pending);
    else {
      last.unsure = true;
      append(last.stray, pending);
    }
  }
  if (last && names.length > 0) append(last.name, names);

  // The header the builder maps: code, name, then the named amount columns in template order.
  const out: GridRow[] = [{ cells: ['科目编码', '科目名称', ...named.specs.map((s) => s.name.zh)], loc: { file, line: lines[0]?.source.line ?? 1 } }];
  if (codedBroken(rows, shape, columns, named.all)) {
    // Not a table of rows at all (a text printed column by column): keep its rows, read no value.
    const values = lines.flatMap(amounts);
    const seen = new Set<string>();
    for (const r of rows) {
      const key = r.key.code ?? 'total';
      if (seen.has(key)) continue;
      seen.add(key);
      const unknown = Array.from({ length: columns }, (_, i) => i + 2);
      const label = r.key.total ? '合计' : r.name.reduce(joinPieces, '');
      out.push({ cells: [r.key.code ?? '', label, ...new Array<string>(columns).fill('')], loc: { file, line: r.line.line }, uncertain: { unknown, unplaced: seen.size === 1 ? values : [] } });
    }
    return out;
  }
  // Values from a line of their own came in no known order beside the row's own.
  const certainOf = (r: CodedRow): boolean => !r.unsure && (r.extra.length === 0 || shape === 'cells');
  // The rows and the values on lines of their own, placed by the row and column sums when the
  // header names every column and starts with the row total (loose.ts).
  const plainText = shape === 'plain';
  const totalKnown = totals && template.columns.length > 0 && named.specs.every((s) => totals.has(s.key)) ? named.specs.map((s) => totals.get(s.key) ?? '') : undefined;
  const floorOf = (floor: ReadonlyMap<string, string> | undefined): { floor?: string[] } => (floor ? { floor: named.specs.map((s) => floor.get(s.key) ?? '') } : {});
  const byArithmetic =
    firstIsTotal && named.all && columns > 1
      ? placeLoose(
          rows.map((r) => ({
            ...(r.key.code ? { code: r.key.code } : {}),
            own: plainText ? r.own : certainOf(r) ? [...r.own, ...r.extra] : null,
            ...(r.key.total && totalKnown ? { known: totalKnown } : {}),
            ...floorOf(floors?.get(r.key.code ?? '')),
          })),
          plainText ? loose : [],
          columns,
        )
      : undefined;
  rows.forEach((r, i) => {
    const values = [...r.own, ...r.extra];
    const label = r.key.total ? '合计' : r.name.reduce(joinPieces, '');
    if (byArithmetic?.inconsistent.includes(i)) {
      const unknown = Array.from({ length: columns }, (_, c) => c + 2);
      out.push({ cells: [r.key.code ?? '', label, ...new Array<string>(columns).fill('')], loc: { file, line: r.line.line }, uncertain: { unknown, unplaced: [...values, ...r.stray], inconsistent: { text: r.line.text.split(/[\t\s\u3000]+/).filter((w) => w !== '').join(' ') } } });
      return;
    }
    const placed = byArithmetic?.rows[i];
    if (placed) {
      out.push(row(file, [r.key.code ?? '', label, ...placed.cells], r.line, [placed], [2]));
      return;
    }
    const p = place(values, columns, firstIsTotal, named.all, certainOf(r));
    append(p.unplaced, r.stray);
    out.push(row(file, [r.key.code ?? '', label, ...p.cells], r.line, [p], [2]));
  });
  return out;
}

/**
 * Rows that cannot come from a table read row by row: a code twice, more values than columns, or
 * codes one after another with nothing between them (a text that printed the code column, then
 * the name column, then each amount column).
 */
function codedBroken(rows: readonly CodedRow[], shape: UnalignedShape, columns: number, complete: boolean): boolean {
  const keys = rows.map((r) => r.key.code ?? 'total');
  if (new Set(keys).size < keys.length) return true;
  if (complete && columns > 0 && rows.some((r) => r.own.length + r.extra.length > columns)) return true;
  const bare = (r: CodedRow | undefined): boolean => r !== undefined && r.after === 0 && !r.named && r.own.length === 0;
  if (shape === 'cells') return rows.slice(0, -1).some((r) => r.after === 0 && r.key.code !== undefined);
  return rows.some((r, i) => bare(r) && bare(rows[i + 1]));
}

interface Entry {
  label: string;
  values: string[];
  side?: Side;
  line: SourceLine;
  unsure: boolean;
}

function twoSided(file: string, template: TableTemplate, lines: readonly PlainLine[], shape: UnalignedShape): GridRow[] {
  const incomeSpecs = template.incomeColumns ?? [];
  const expenseSpecs = template.columns;
  const matches = (side: Side, text: string): boolean => summaryRowKey(template, side, normaliseLabel(text)) !== undefined;
  const isLabel = (text: string): boolean => NUMBERED.test(text) || matches('income', text) || matches('expense', text);
  const keyed = (l: PlainLine): boolean => l.tokens.some((t) => t.kind === 'text' && isLabel(t.text));
  // The items start at the first numbered label (一、…) or a label with its value: the 财政拨款
  // table's column headings (一般公共预算财政拨款…) read like row labels.
  const firstRow = lines.findIndex((l) => l.tokens.some((t) => t.kind === 'text' && NUMBERED.test(t.text)) || (keyed(l) && amounts(l).length > 0));
  const header = firstRow < 0 ? lines : lines.slice(0, firstRow);
  const words = headerWords(header);
  const income = namedColumns(incomeSpecs, words, shape);
  const expense = namedColumns(expenseSpecs, words, shape);
  // 收入支出决算总表 prints one 决算数 / 金额 column a side: one heading names both.
  const incomeCount = income.specs.length;
  const expenseCount = expense.specs.length;
  // The first value of a side is its first column when that column is the side's only one or its total.
  const firstIsTotal = (named: readonly ColumnSpec[], all: readonly ColumnSpec[]): boolean =>
    named[0] !== undefined && named[0] === all[0] && (all.length === 1 || all[0].key === 'total');

  interface Line {
    entries: Entry[];
    source: SourceLine;
    extra: string[];
    unsure: boolean;
    stray: string[];
  }
  const rows: Line[] = [];
  let pending: string[] = header.flatMap(amounts);
  const previousKey: Partial<Record<Side, string>> = {};
  const fullLine = (l: Line): boolean =>
    l.entries.every((e) => e.values.length >= (e.side === 'income' ? incomeCount : expenseCount)) && income.all && expense.all;
  for (const line of lines.slice(firstRow < 0 ? lines.length : firstRow)) {
    if (!keyed(line)) {
      const values = amounts(line);
      // One cell a line: values follow their label, in order.
      const last = rows[rows.length - 1]?.entries.at(-1);
      if (values.length > 0 && shape === 'cells' && last) {
        append(last.values, values);
        continue;
      }
      if (values.length > 0) {
        append(pending, values);
        continue;
      }
      // A label broken over lines: the rest joins the last label that is not whole yet.
      for (const t of line.tokens.filter((x) => x.kind === 'text')) {
        const open = rows
          .slice(-3)
          .flatMap((r) => r.entries)
          .reverse()
          .find((e) => !isWhole(e.label) && isWhole(e.label + t.text));
        const any = open ?? rows.slice(-3).flatMap((r) => r.entries).reverse().find((e) => !isWhole(e.label));
        if (any) any.label += t.text;
      }
      continue;
    }
    const entries: Entry[] = [];
    const loose: string[] = [];
    for (const t of line.tokens) {
      if (t.kind === 'text' && isLabel(t.text)) entries.push({ label: t.text, values: [], line: line.source, unsure: false });
      else if (t.kind === 'amount') {
        const last = entries[entries.length - 1];
        if (last) last.values.push(t.text);
        else loose.push(t.text);
      } else if (t.kind === 'text') {
        const last = entries[entries.length - 1];
        if (last && !isWhole(last.label)) last.label += t.text;
      }
    }
    const current: Line = { entries, source: line.source, extra: [], unsure: loose.length > 0, stray: loose };
    const previous = rows[rows.length - 1];
    if (pending.length > 0) {
      if (!previous || fullLine(previous)) {
        append(current.extra, pending);
        current.unsure = true;
        append(current.stray, pending);
      } else if (shape === 'cells') {
        append(previous.stray, pending);
        previous.unsure = true;
      } else {
        previous.unsure = true;
        current.unsure = true;
        append(current.stray, pending);
      }
    }
    pending = [];
    rows.push(current);
  }
  const last = rows[rows.length - 1];
  if (last && pending.length > 0) {
    last.unsure = true;
    append(last.stray, pending);
  }

  function isWhole(label: string): boolean {
    return matches('income', label) || matches('expense', label);
  }

  const out: GridRow[] = [];
  const synthetic: GridRow = {
    cells: ['项目', ...income.specs.map((s) => s.name.zh), '项目', ...expense.specs.map((s) => s.name.zh)],
    loc: { file, line: lines[0]?.source.line ?? 1 },
  };
  out.push(synthetic);
  const split = 1 + incomeCount;
  const seen = new Set<string>();
  let broken = false;
  for (const [index, r] of rows.entries()) {
    // Sides: two labels on a line are income then expense; one label goes to the side it names.
    const [a, b] = r.entries;
    if (a && b) {
      a.side = 'income';
      b.side = 'expense';
    } else if (a) {
      const inc = matches('income', a.label);
      const exp = matches('expense', a.label) || /支出$/.test(normaliseLabel(a.label));
      if (inc && !exp) a.side = 'income';
      else if (exp && !inc) a.side = 'expense';
      else if (inc && exp) {
        // The same label twice in a row, one cell a line (总计 | 总计): income, then expense.
        const before = rows[index - 1]?.entries;
        const after = rows[index + 1]?.entries;
        const same = (e: Entry | undefined): boolean => e !== undefined && normaliseLabel(e.label) === normaliseLabel(a.label);
        // A fund line (一般公共预算财政拨款…) is an income line, or a breakdown of the 年末 line on
        // the expense side: when both sides have just printed their 结转 line, it cannot be told.
        const i = /^opening/.test(previousKey.income ?? '');
        const e = /^closing/.test(previousKey.expense ?? '');
        if (shape === 'cells' && after?.length === 1 && same(after[0])) a.side = 'income';
        else if (shape === 'cells' && before?.length === 1 && same(before[0]) && before[0]?.side === 'income') a.side = 'expense';
        else if (!e) a.side = 'income';
        else if (!i) a.side = 'expense';
      }
    }
    const cells = new Array<string>(split + 1 + expenseCount).fill('');
    const placements: Placement[] = [];
    const offsets: number[] = [];
    const stray = [...r.stray];
    for (const e of r.entries) {
      const key = e.side ? summaryRowKey(template, e.side, normaliseLabel(e.label), previousKey[e.side]) : undefined;
      // A label twice on one side, or more values than the side has columns: not read row by row.
      const count = e.side === 'income' ? incomeCount : expenseCount;
      if (e.side && key && (seen.has(`${e.side}:${key}`) || (count > 0 && e.values.length > count))) {
        broken = true;
        append(stray, e.values);
        continue;
      }
      if (key) seen.add(`${e.side}:${key}`);
      if (!e.side) {
        append(stray, e.values);
        continue;
      }
      const specs = e.side === 'income' ? income : expense;
      const p = place(e.values, count, firstIsTotal(specs.specs, e.side === 'income' ? incomeSpecs : expenseSpecs), specs.all, !r.unsure);
      const offset = e.side === 'income' ? 1 : split + 1;
      cells[offset - 1] = e.label;
      p.cells.forEach((c, i) => (cells[offset + i] = c));
      placements.push(p);
      offsets.push(offset);
      if (key) previousKey[e.side] = key;
    }
    const g = row(file, cells, r.source, [...placements, { cells: [], unknown: [], unplaced: stray }], [...offsets, 0]);
    out.push(g);
  }
  if (!broken) return out;
  // Its labels stand, no value does.
  const amountColumns = [...Array.from({ length: incomeCount }, (_, i) => 1 + i), ...Array.from({ length: expenseCount }, (_, i) => split + 1 + i)];
  return out.map((g, i) => {
    if (i === 0) return g;
    const placed = amountColumns.map((k) => g.cells[k] ?? '').filter((c) => c !== '');
    const cells = g.cells.map((c, k) => (amountColumns.includes(k) ? '' : c));
    const labelled = (k: number): boolean => (k <= incomeCount ? cells[0] : cells[split]) !== '';
    return { ...g, cells, uncertain: { unknown: amountColumns.filter(labelled), unplaced: [...(g.uncertain?.unplaced ?? []), ...placed] } };
  });
}

/**
 * 基本支出决算表 as plain text: read only when every line is whole entries (a code, its name, its
 * value if any); a panel cut over lines cannot be put back together with certainty.
 */
function panels(file: string, lines: readonly PlainLine[], shape: UnalignedShape): GridRow[] {
  const isTotal = (t: Token): boolean => t.kind === 'text' && PANEL_TOTALS.some(([re]) => re.test(normaliseLabel(t.text)));
  // The entries start at the first code (人员经费 / 公用经费 also head the panels).
  const firstRow = lines.findIndex((l) => l.tokens[0]?.kind === 'code');
  const header = firstRow < 0 ? lines : lines.slice(0, firstRow);
  const data = firstRow < 0 ? [] : lines.slice(firstRow);
  type Item = { code?: string; total?: string; name: string; value?: string };
  const parse = (line: PlainLine): Item[] | undefined => {
    const items: Item[] = [];
    for (const t of line.tokens) {
      const last = items[items.length - 1];
      if (t.kind === 'code' && t.text.length >= 3) items.push({ code: t.text, name: '' });
      else if (isTotal(t)) items.push({ total: t.text, name: '' });
      else if (t.kind === 'text' && last && last.code && last.name === '' && last.value === undefined) last.name = t.text;
      else if (t.kind === 'amount' && last && last.value === undefined && (last.total !== undefined || last.name !== '')) last.value = t.text;
      else return undefined;
    }
    return items.length > 0 ? items : undefined;
  };
  // One cell a line: the entries follow one another, each on as many lines as it has cells.
  const joined: PlainLine[] = shape === 'cells' && data[0] ? [{ source: data[0].source, tokens: data.flatMap((l) => l.tokens) }] : data;
  const parsed = joined.map(parse);
  const whole = joined.length > 0 && parsed.every((p) => p !== undefined);
  const out: GridRow[] = [{ cells: ['科目编码', '科目名称', '决算数'], loc: { file, line: header[0]?.source.line ?? data[0]?.source.line ?? 1 } }];
  if (whole) {
    joined.forEach((line, i) => {
      for (const item of parsed[i] ?? []) {
        out.push(item.total !== undefined ? { cells: [item.total, item.value ?? ''], loc: { file, line: line.source.line } } : { cells: [item.code ?? '', item.name, item.value ?? ''], loc: { file, line: line.source.line } });
      }
    });
    return out;
  }
  // Not whole: the totals are named, their values and every other value cannot be placed.
  const values = lines.flatMap(amounts);
  // 人员经费 and 公用经费 also head the panels: only the totals under the data count, once each.
  const totals = data.flatMap((l) => l.tokens.filter(isTotal).map((t) => ({ t, line: l.source })));
  const seen = new Set<string>();
  for (const { t, line } of totals) {
    const key = normaliseLabel(t.text).replace(/合计$/, '') || '合计';
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ cells: [t.text, ''], loc: { file, line: line.line }, uncertain: { unknown: [1], unplaced: [] } });
  }
  const first = out[1];
  if (first?.uncertain) append(first.uncertain.unplaced, values);
  else if (values.length > 0) out.push({ cells: [], loc: { file, line: data[0]?.source.line ?? 1 }, uncertain: { unknown: [], unplaced: values } });
  return out;
}

/**
 * 三公 as plain text. Twelve values on one line (every cell printed) are placed by arithmetic: the
 * item orders the header lines allow (each line names some items in printed order; the text does
 * not say how the lines fit together) are scored by the 三公 sums, and the one order that satisfies
 * most of them, alone, is taken and recorded. Otherwise its values cannot be told apart.
 */
function threePublic(file: string, lines: readonly PlainLine[]): GridRow[] {
  const values = lines.flatMap(amounts);
  const header = lines.filter((l) => amounts(l).length === 0);
  const at = lines.find((l) => amounts(l).length > 0);
  const placed = at && values.length === 12 && amounts(at).length === 12 ? placeThreePublic(file, header, at) : undefined;
  if (placed) return placed;
  const out = header.map((l) => headerRow(file, l));
  if (values.length > 0 && at) {
    out.push({ cells: new Array<string>(12).fill(''), loc: { file, line: at.source.line }, uncertain: { unknown: Array.from({ length: 12 }, (_, i) => i), unplaced: values } });
  }
  return out;
}

/** Every order of the items that keeps the printed order of the items each header line names. */
function itemOrders(constraints: readonly (readonly ThreePublicItem[])[]): ThreePublicItem[][] {
  const out: ThreePublicItem[][] = [];
  const consistent = (order: readonly ThreePublicItem[]): boolean =>
    constraints.every((line) => line.every((item, k) => k === 0 || order.indexOf(line[k - 1] as ThreePublicItem) < order.indexOf(item)));
  const extend = (prefix: ThreePublicItem[], rest: ThreePublicItem[]): void => {
    if (rest.length === 0) {
      if (consistent(prefix)) out.push(prefix);
      return;
    }
    rest.forEach((item, k) => extend([...prefix, item], [...rest.slice(0, k), ...rest.slice(k + 1)]));
  };
  extend([], [...THREE_PUBLIC_ITEMS]);
  return out;
}

/** How many of the 三公 sums hold (within the rounding of the printed values) under a column order. */
function sumsHolding(order: readonly string[], printed: readonly string[]): number {
  const value = (key: string): { v: Dec; half: Dec } | undefined => {
    const text = printed[order.indexOf(key)];
    const parsed = text === undefined ? undefined : parseNumber(text);
    return parsed?.kind === 'number' ? { v: parsed.value, half: halfUnit(parsed.decimals) } : undefined;
  };
  let holding = 0;
  for (const kind of ['budget', 'actual']) {
    for (const [total, parts] of THREE_PUBLIC_SUMS) {
      const t = value(`${kind}-${total}`);
      const ps = parts.map((p) => value(`${kind}-${p}`));
      if (!t || ps.some((p) => !p)) continue;
      const sum = ps.reduce((acc, p) => acc.plus(p?.v ?? 0), new D(0));
      const tolerance = ps.reduce((acc, p) => acc.plus(p?.half ?? 0), t.half);
      if (sum.minus(t.v).abs().lte(tolerance)) holding++;
    }
  }
  return holding;
}

/**
 * The twelve values of a plain 三公 line placed by the sums (see `threePublic`): header rows
 * naming each column in the order taken, the values under them, and the choice recorded.
 */
function placeThreePublic(file: string, header: readonly PlainLine[], at: PlainLine): GridRow[] | undefined {
  const texts = (l: PlainLine): string[] => l.tokens.filter((t) => t.kind === 'text').map((t) => normaliseHeader(t.text));
  const kinds = header.flatMap(texts).filter((t) => THREE_PUBLIC_KIND_HEADINGS.budget.test(t) || THREE_PUBLIC_KIND_HEADINGS.actual.test(t));
  // 预算数 | 决算数 under each item (Shanghai), or all 预算数 then all 决算数 (Hunan).
  const pairs = kinds.length === 12 && kinds.every((t, k) => (k % 2 === 0) === THREE_PUBLIC_KIND_HEADINGS.budget.test(t));
  const grouped = kinds.length === 12 && kinds.every((t, k) => (k < 6) === THREE_PUBLIC_KIND_HEADINGS.budget.test(t));
  if (!pairs && !grouped) return undefined;
  const constraints = header.map((l) => texts(l).flatMap((t) => THREE_PUBLIC_HEADINGS.filter(([, re]) => re.test(t)).map(([item]) => item)));
  const columnsOf = (items: readonly ThreePublicItem[]): string[] =>
    pairs ? items.flatMap((item) => [`budget-${item}`, `actual-${item}`]) : ['budget', 'actual'].flatMap((kind) => items.map((item) => `${kind}-${item}`));
  const printed = amounts(at);
  const scored = itemOrders(constraints).map((items) => ({ items, holding: sumsHolding(columnsOf(items), printed) }));
  const best = Math.max(...scored.map((s) => s.holding));
  const winners = scored.filter((s) => s.holding === best);
  const sums = THREE_PUBLIC_SUMS.length * 2;
  const [chosen] = winners;
  if (winners.length !== 1 || !chosen || best * 2 < sums) return undefined;
  const firstLine = header[0]?.source.line ?? at.source.line;
  const items = chosen.items;
  const names = items.flatMap((item) => (pairs ? [THREE_PUBLIC_NAMES[item].zh, ''] : [THREE_PUBLIC_NAMES[item].zh]));
  const headings: GridRow[] = pairs
    ? [
        { cells: names, loc: { file, line: firstLine } },
        { cells: items.flatMap(() => ['预算数', '决算数']), loc: { file, line: firstLine } },
      ]
    : [
        { cells: ['预算数', ...new Array<string>(5).fill(''), '决算数', ...new Array<string>(5).fill('')], loc: { file, line: firstLine } },
        { cells: [...names, ...names], loc: { file, line: firstLine } },
      ];
  const row: GridRow = {
    cells: [...printed],
    loc: { file, line: at.source.line },
    placed: { order: items.map((item) => THREE_PUBLIC_NAMES[item].zh).join('、'), holding: best, sums },
  };
  return [...headings, row];
}
