import type { Cell, Column, LoadIssue, Row, Side } from '../../model/document.js';
import { functionClassCode } from '../../model/function-classes.js';
import { normaliseHeader, type ColumnSpec, type TableTemplate } from '../../templates/tables.js';
import type { RowSpec } from '../../templates/rows.js';
import { cellLoc, nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { squeeze } from '../lexicon.js';
import { readCell, unrecognisedRow, type BuildContext, type TableBuilder } from './common.js';

/** A table definition that lists no item rows. */
const NO_ROWS: { income: readonly RowSpec[]; expense: readonly RowSpec[] } = { income: [], expense: [] };

/**
 * Tables read as labels and amounts in the order printed, whatever cells the source split them
 * into: the text layer of the 江苏 部门预算 PDFs merges a printed line into one or two cells
 * (“一、财政拨款20,702.25一、一般公共服务支出16,992.37一、基本支出 | 9,964.07”), so no column
 * position can be trusted, while the order of labels and amounts on a line can. Three shapes:
 *
 * - item tables (the definition lists rows): each line is cut into labels at their numbering
 *   (一、 1.) and at the labels the definition knows, and each amount goes to the label printed
 *   just before it (or, for amounts printed before any label, to the first labels left without
 *   one, in order);
 * - coded tables (one amount column, no rows listed): a 科目 code, a name and at most one amount
 *   per line, 合计 the total;
 * - one-line tables (several columns, no rows listed: 支出预算总表, 三公): the amounts of the one
 *   data line fill the columns in the definition's order; a “detail” column (结转下年资金, 购置费)
 *   is read only when the line prints one amount per column, and is blank when it prints one
 *   amount fewer per detail column (any other count: every cell unknown, a warning).
 */

/** A printed amount: digits with thousands commas and decimals (budget tables always print two). */
const AMOUNT = /-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+/g;
/** Numbering that opens an item: 一、 二十、 1. 2、 */
const NUMBERING = /[一二三四五六七八九十]{1,3}、|(?<![\d,.])\d{1,2}[.、．](?=[^\d\s])/g;
const CODE_START = /^(\d{3}(?:\d{2}){0,2})(?![\d,.])/;

interface Token {
  text: string;
  amount: boolean;
  /** 1-based field of the grid row it was printed in. */
  field: number;
}

/** A line's labels and amounts in order, its cells joined (each token remembers its cell). */
function tokens(row: GridRow): Token[] {
  const out: Token[] = [];
  row.cells.forEach((cell, i) => {
    const text = normaliseHeader(cell);
    let at = 0;
    for (const m of text.matchAll(AMOUNT)) {
      const index = m.index ?? 0;
      if (index > at) out.push({ text: text.slice(at, index), amount: false, field: i + 1 });
      out.push({ text: m[0], amount: true, field: i + 1 });
      at = index + m[0].length;
    }
    if (at < text.length) out.push({ text: text.slice(at), amount: false, field: i + 1 });
  });
  return out;
}

/** Cuts a run of text into labels: at numbering, and around the labels the table knows. */
function labelsOf(text: string, known: readonly RegExp[]): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBERING)) {
    const index = m.index ?? 0;
    if (index > last) pieces.push(text.slice(last, index));
    last = index;
  }
  pieces.push(text.slice(last));
  return pieces.flatMap((piece) => splitKnown(piece.replace(/^([一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])/, ''), known)).filter((p) => p !== '');
}

/** Splits text into the longest known labels, the text between them kept as labels of its own. */
function splitKnown(text: string, known: readonly RegExp[]): string[] {
  const out: string[] = [];
  let unknown = '';
  let i = 0;
  while (i < text.length) {
    let best = 0;
    for (const re of known) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m[0].length > best) best = m[0].length;
    }
    if (best > 0) {
      if (unknown) out.push(unknown);
      unknown = '';
      out.push(text.slice(i, i + best));
      i += best;
    } else {
      unknown += text[i];
      i++;
    }
  }
  if (unknown) out.push(unknown);
  return out;
}

/** A row pattern (anchored on a whole label) as a sticky pattern found inside a run of text. */
const sticky = (re: RegExp): RegExp => new RegExp(re.source.replace(/^\^/, '').replace(/\$$/, ''), 'uy');

/** The class labels of summary tables, as printed in any year. */
const CLASS_NAME = /[\u4e00-\u9fff]{2,16}支出/uy;

interface Item {
  label: string;
  amount?: Token;
  row: GridRow;
}

function pairItems(row: GridRow, known: readonly RegExp[], keep: (label: string) => boolean = () => true): Item[] {
  const items: Item[] = [];
  const pending: Token[] = [];
  for (const token of tokens(row)) {
    if (token.amount) {
      const last = items[items.length - 1];
      if (last && !last.amount) last.amount = token;
      else pending.push(token);
      continue;
    }
    for (const label of labelsOf(squeeze(token.text), known)) if (keep(label)) items.push({ label, row });
  }
  // Amounts printed before their labels: to the labels still without one, in order.
  for (const item of items) {
    if (pending.length === 0) break;
    const next = item.amount ? undefined : pending.shift();
    if (next) item.amount = next;
  }
  return items;
}

const isTotalKey = (key: string): boolean => /(^|-)(total|subtotal)$/.test(key);

function buildItems(template: TableTemplate, body: readonly GridRow[], ctx: BuildContext): { columns: Column[]; rows: Row[] } {
  const specs = template.rows ?? NO_ROWS;
  const sides: Array<{ side: Side; specs: readonly RowSpec[] }> = [
    { side: 'income', specs: specs.income },
    { side: 'expense', specs: specs.expense },
  ];
  const known = [...specs.income, ...specs.expense].map((s) => sticky(s.match));
  const withClasses = specs.expense.length > 0 && !template.partial;
  if (withClasses) known.push(CLASS_NAME);
  const column = (side: Side): ColumnSpec | undefined => (side === 'income' ? template.incomeColumns?.[0] : template.columns[0]);
  const columns: Column[] = sides.flatMap((s) => {
    const spec = column(s.side);
    return s.specs.length > 0 && spec ? [{ key: spec.key, label: spec.name.zh, side: s.side }] : [];
  });
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const gridRow of body) {
    // A table read in part pairs amounts with its own rows only: the other words of a line (a header
    // wrapped onto it: 合计 … 式 1,422.50) are no labels.
    const keep = template.partial ? (label: string) => sides.some((s) => s.specs.some((spec) => spec.match.test(label))) : undefined;
    for (const item of pairItems(gridRow, known, keep)) {
      const found = findRow(sides, item.label, seen, withClasses);
      if (!found) {
        if (item.amount && !template.partial) ctx.issues.push(unrecognisedRow(gridRow, template.key, `${item.label} ${item.amount.text}`));
        continue;
      }
      const key = `${found.side}:${found.key}`;
      if (seen.has(key)) {
        ctx.issues.push({ code: 'duplicate-row', loc: rowLoc(gridRow, template.key, key), params: { row: item.label } });
        continue;
      }
      seen.add(key);
      const spec = column(found.side);
      if (!spec) continue;
      const cells: Record<string, Cell> = { [spec.key]: readCell(item.amount?.text, cellLoc(gridRow, template.key, key, spec.key, item.amount?.field ?? 1), ctx.unit) };
      const level: Row['level'] = found.code ? 'class' : isTotalKey(found.key) ? 'total' : 'line';
      const out: Row = { key, label: item.label, level, side: found.side, loc: rowLoc(gridRow, template.key, key), cells };
      if (found.code) out.code = found.code;
      rows.push(out);
    }
  }
  return { columns, rows };
}

/** The row a label opens: the first of the table's rows it names that is not yet taken (小计 after 小计), or a function class. */
function findRow(
  sides: ReadonlyArray<{ side: Side; specs: readonly RowSpec[] }>,
  label: string,
  seen: ReadonlySet<string>,
  withClasses: boolean,
): { side: Side; key: string; code?: string } | undefined {
  let taken: { side: Side; key: string } | undefined;
  for (const s of sides) {
    for (const spec of s.specs) {
      if (!spec.match.test(label)) continue;
      if (!seen.has(`${s.side}:${spec.key}`)) return { side: s.side, key: spec.key };
      taken ??= { side: s.side, key: spec.key };
    }
  }
  if (taken) return taken;
  const code = withClasses ? functionClassCode(label) : undefined;
  return code ? { side: 'expense', key: `class-${code}`, code } : undefined;
}

function buildCodedList(template: TableTemplate, body: readonly GridRow[], ctx: BuildContext): { columns: Column[]; rows: Row[] } {
  const spec = template.columns[0];
  if (!spec) return { columns: [], rows: [] };
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const gridRow of body) {
    const toks = tokens(gridRow);
    const amounts = toks.filter((t) => t.amount);
    const text = squeeze(toks.filter((t) => !t.amount).map((t) => t.text).join(''));
    const code = CODE_START.exec(text)?.[1];
    const name = code ? text.slice(code.length) : text;
    let key: string;
    let level: Row['level'];
    if (code) {
      key = code;
      level = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
    } else if (/^(合计|总计)$/.test(name)) {
      key = 'total';
      level = 'total';
    } else {
      if (amounts.length > 0) ctx.issues.push(unrecognisedRow(gridRow, template.key));
      continue;
    }
    if (amounts.length > 1) {
      ctx.issues.push(unrecognisedRow(gridRow, template.key));
      continue;
    }
    if (seen.has(key)) {
      ctx.issues.push({ code: 'duplicate-row', loc: rowLoc(gridRow, template.key, key), params: { row: key } });
      continue;
    }
    seen.add(key);
    const amount = amounts[0];
    const cells = { [spec.key]: readCell(amount?.text, cellLoc(gridRow, template.key, key, spec.key, amount?.field ?? 1), ctx.unit) };
    const row: Row = { key, label: code ? name : '合计', level, loc: rowLoc(gridRow, template.key, key), cells };
    if (code) row.code = code;
    rows.push(row);
  }
  return { columns: [{ key: spec.key, label: spec.name.zh }], rows };
}

function buildOneLine(template: TableTemplate, body: readonly GridRow[], ctx: BuildContext): { columns: Column[]; rows: Row[] } {
  const all = [...template.columns, ...(template.detailColumns ?? [])];
  // The definition's order is the printed order; detail columns sit where the definition puts them.
  const ordered = (template.columnOrder ?? all.map((c) => c.key)).map((k) => all.find((c) => c.key === k)).filter((c): c is ColumnSpec => c !== undefined);
  const columns: Column[] = ordered.map((c) => ({ key: c.key, label: c.name.zh }));
  const data = body.find((r) => tokens(r).some((t) => t.amount));
  if (!data) return { columns, rows: [] };
  const amounts = tokens(data).filter((t) => t.amount);
  const details = new Set((template.detailColumns ?? []).map((c) => c.key));
  const certain = amounts.length === ordered.length;
  const fits = certain || amounts.length === ordered.length - details.size;
  const cells: Record<string, Cell> = {};
  let next = 0;
  for (const c of ordered) {
    if (!fits) {
      cells[c.key] = { kind: 'unknown', loc: cellLoc(data, template.key, 'total', c.key, 1) };
      continue;
    }
    if (!certain && details.has(c.key)) {
      cells[c.key] = { kind: 'blank', loc: cellLoc(data, template.key, 'total', c.key, 1) };
      continue;
    }
    const token = amounts[next++];
    cells[c.key] = readCell(token?.text, cellLoc(data, template.key, 'total', c.key, token?.field ?? 1), ctx.unit);
  }
  if (!fits) ctx.issues.push(unplacedIssue(data, template.key, amounts.length));
  return { columns, rows: [{ key: 'total', label: '合计', level: 'total', loc: rowLoc(data, template.key, 'total'), cells }] };
}

function unplacedIssue(row: GridRow, table: string, count: number): LoadIssue {
  return { code: 'cells-unplaced', loc: rowLoc(row, table), params: { placed: '0', unplaced: String(count), unknown: String(count) } };
}

/**
 * One grid row per printed line: a PDF's layout may give one line as two rows (the same page and
 * line), each with part of its cells; joined cell by cell they read in order again.
 */
function printedLines(body: readonly GridRow[]): GridRow[] {
  const out: GridRow[] = [];
  for (const row of body) {
    if (nonEmpty(row).length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.loc.file === row.loc.file && last.loc.page === row.loc.page && last.loc.line === row.loc.line) {
      const width = Math.max(last.cells.length, row.cells.length);
      out[out.length - 1] = { ...last, cells: Array.from({ length: width }, (_, i) => `${last.cells[i] ?? ''}${row.cells[i] ?? ''}`) };
    } else out.push(row);
  }
  return out;
}

export const buildListed: TableBuilder = (template, body, ctx) => {
  const specs = template.rows ?? NO_ROWS;
  // Header lines hold no amount and are no rows: every shape below passes over them.
  const lines = printedLines(body);
  if (specs.income.length > 0 || specs.expense.length > 0) return buildItems(template, lines, ctx);
  if (template.columns.length + (template.detailColumns?.length ?? 0) > 1) return buildOneLine(template, lines, ctx);
  return buildCodedList(template, lines, ctx);
};
