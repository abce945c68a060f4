import type { Cell, Column, DisclosureDocument, Row, Table, TableKey } from '../model/document.js';
import type { CheckResult, Localized, Term } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { ZERO, type Dec } from '../model/number.js';
import type { Rule } from '../rules/types.js';

/**
 * Whether a table's failed checks are better explained by a misreading than by the table: the
 * engine step that runs after the rules and before findings are rendered. It sees every check
 * result, so it can tell a pattern (every row failing the same way) from a misprint (one cell).
 *
 * A table is judged unreliable when, among its own failed row checks (合计 = Σ parts of one row):
 * - a whole column is blank or zero while its parts are printed, in two rows or more;
 * - two rows or more (and at least two thirds of its failed row checks) fail by exactly the value
 *   of one other column of the same row (a column read into its neighbour, or read twice);
 * - two rows or more fail, and every one of them holds when each cell is read from the column
 *   next to it (the whole table read one column off).
 * A single misprint fails one row (and the column sums through it), never two rows the same way,
 * so it is still reported as an error at its cell.
 */

/** A rule's result, as the engine gathers them before rendering. */
export interface Outcome {
  rule: Rule;
  result: CheckResult;
}

export interface Unreliable {
  table: TableKey;
  /** Why the table is taken as misread. */
  reason: Localized;
  /** The failed or rounding checks resting on the table, now skipped. */
  skipped: number;
  loc: Location;
}

/** Two rows failing the same way are a pattern; one is a misprint (which may fail several checks of its row). */
const MIN_ROWS = 2;

const locOf = (cell: Cell): Location => (cell.kind === 'amount' ? cell.amount.loc : cell.loc);
const termTable = (t: Term): string | undefined => locOf(t.cell).table;

/** The one table all the terms of a check lie in, if they do. */
function tableOfTerms(terms: readonly Term[]): string | undefined {
  const tables = new Set(terms.map(termTable));
  return tables.size === 1 ? [...tables][0] : undefined;
}

/** A check within one row of one table: its terms share the row, in different columns. */
function isRowCheck(result: CheckResult): boolean {
  const terms = result.terms ?? [];
  if (terms.length < 2 || tableOfTerms(terms) === undefined) return false;
  const rows = new Set(terms.map((t) => locOf(t.cell).row));
  const columns = new Set(terms.map((t) => locOf(t.cell).column));
  return rows.size === 1 && columns.size === terms.length;
}

const valueOf = (cell: Cell | undefined): Dec | undefined => (cell?.kind === 'amount' ? cell.amount.value : undefined);
const blankOrZero = (cell: Cell | undefined): boolean => cell === undefined || cell.kind === 'blank' || (cell.kind === 'amount' && cell.amount.value.isZero());

/** The columns of a table a row's cells are keyed by (its side's, for a two-sided table). */
function columnsOf(table: Table, row: Row): Column[] {
  return table.columns.filter((c) => (row.side === undefined || c.side === undefined || c.side === row.side) && c.key in row.cells);
}

const rowKeyOf = (result: CheckResult): string => (result.terms?.[0] ? locOf(result.terms[0].cell).row : undefined) ?? '';

function rowOf(table: Table, result: CheckResult): Row | undefined {
  const key = rowKeyOf(result);
  return table.rows.find((r) => r.key === key);
}

const columnLabel = (table: Table, key: string): string => table.columns.find((c) => c.key === key)?.label ?? key;

/** A whole column blank or zero while the parts of its rows are printed. */
function blankColumn(table: Table, failed: readonly CheckResult[]): Localized | undefined {
  const hits = new Map<string, Set<string>>();
  for (const result of failed) {
    const totals = (result.terms ?? []).filter((t) => t.role === 'total');
    const items = (result.terms ?? []).filter((t) => t.role === 'item');
    const [total] = totals;
    if (totals.length !== 1 || !total || !blankOrZero(total.cell) || !items.some((t) => !blankOrZero(t.cell))) continue;
    const column = locOf(total.cell).column ?? '';
    hits.set(column, (hits.get(column) ?? new Set()).add(rowKeyOf(result)));
  }
  for (const [column, rows] of hits) {
    const count = rows.size;
    if (count < MIN_ROWS) continue;
    const whole = table.rows.every((r) => !(column in r.cells) || blankOrZero(r.cells[column]));
    if (!whole) continue;
    const label = columnLabel(table, column);
    return {
      zh: `“${label}”列整列为空或为零，而 ${count} 行的分项有数`,
      en: `the “${label}” column is blank or zero throughout while the parts of ${count} rows are printed`,
    };
  }
  return undefined;
}

/** Most failed rows off by exactly the value of one other column of the same row. */
function neighbourColumn(table: Table, failed: readonly CheckResult[]): Localized | undefined {
  const hits = new Map<string, Set<string>>();
  for (const result of failed) {
    const row = rowOf(table, result);
    const difference = result.difference?.abs();
    if (!row || !difference || difference.isZero()) continue;
    for (const column of columnsOf(table, row)) {
      if (valueOf(row.cells[column.key])?.abs().eq(difference)) hits.set(column.key, (hits.get(column.key) ?? new Set()).add(row.key));
    }
  }
  const [best] = [...hits].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  if (!best) return undefined;
  const [column, rows] = best;
  const count = rows.size;
  const failing = new Set(failed.map(rowKeyOf)).size;
  if (count < MIN_ROWS || count * 3 < failing * 2) return undefined;
  const label = columnLabel(table, column);
  return {
    zh: `${failing} 行中有 ${count} 行的合计与分项之差恰为同行“${label}”列的数`,
    en: `in ${count} of ${failing} failing rows the total and its parts differ by exactly the row's “${label}” value`,
  };
}

/**
 * Whether a row check holds when every cell is read from the column `shift` places over:
 * undefined when a cell would come from beyond the table (the column lost at the edge).
 */
function holdsShifted(table: Table, result: CheckResult, shift: -1 | 1): boolean | undefined {
  const row = rowOf(table, result);
  if (!row) return false;
  const keys = columnsOf(table, row).map((c) => c.key);
  let left = ZERO;
  let right = ZERO;
  let tolerance = ZERO;
  let printed = false;
  for (const term of result.terms ?? []) {
    const at = keys.indexOf(locOf(term.cell).column ?? '');
    if (at < 0) return false;
    const source = keys[at + shift];
    if (source === undefined) return undefined;
    const cell = row.cells[source];
    if (cell?.kind === 'unknown' || cell?.kind === 'invalid') return false;
    if (cell?.kind !== 'amount') continue;
    printed = true;
    const value = term.sign === -1 ? cell.amount.value.neg() : cell.amount.value;
    if (term.role === 'total') left = left.plus(value);
    else right = right.plus(value);
    tolerance = tolerance.plus(cell.amount.half);
  }
  return printed && left.minus(right).abs().lte(tolerance);
}

/** The failed rows hold (two or more of them, and none still fails) when the table is read one column over. */
function shiftedColumns(table: Table, failed: readonly CheckResult[]): Localized | undefined {
  for (const shift of [1, -1] as const) {
    const verdicts = failed.map((r) => holdsShifted(table, r, shift));
    const holding = verdicts.filter((v) => v === true).length;
    const rows = new Set(failed.filter((_, i) => verdicts[i] === true).map(rowKeyOf)).size;
    if (rows >= MIN_ROWS && !verdicts.includes(false)) {
      const all = holding === failed.length;
      return {
        zh: `${failed.length} 项行内检查不成立，而把每个数读到相邻一列时${all ? '都成立' : `其中 ${holding} 项成立（其余缺少数据）`}`,
        en: `${failed.length} row checks fail, and ${all ? 'every one' : `${holding} of them (the others lack data)`} holds when each value is read one column over`,
      };
    }
  }
  return undefined;
}

function skippedFor(table: Table, reason: Localized, result: CheckResult): CheckResult {
  const { expected: _e, actual: _a, difference: _d, tolerance: _t, actualBlank: _b, severity: _s, ...rest } = result;
  return {
    ...rest,
    status: 'skipped',
    reason: { zh: `${table.title}未能可靠读取（${reason.zh}）`, en: `the ${table.title} could not be read reliably (${reason.en})` },
  };
}

/**
 * Judges each table from the checks run on it; the checks resting on an unreliable table that
 * failed (or differ by a rounding tail) become skipped, with the reason.
 */
export function judgeReading(doc: DisclosureDocument, outcomes: readonly Outcome[]): { outcomes: Outcome[]; unreliable: Unreliable[] } {
  const failedRows = new Map<string, CheckResult[]>();
  for (const { rule, result } of outcomes) {
    if (result.status !== 'fail' || !rule.meta.tags.includes('table') || !isRowCheck(result)) continue;
    const key = tableOfTerms(result.terms ?? []) ?? '';
    failedRows.set(key, [...(failedRows.get(key) ?? []), result]);
  }
  const reasons = new Map<string, { table: Table; reason: Localized }>();
  for (const [key, failed] of failedRows) {
    const table = doc.tables[key as TableKey];
    if (!table || new Set(failed.map(rowKeyOf)).size < MIN_ROWS) continue;
    const reason = blankColumn(table, failed) ?? neighbourColumn(table, failed) ?? shiftedColumns(table, failed);
    if (reason) reasons.set(key, { table, reason });
  }
  if (reasons.size === 0) return { outcomes: [...outcomes], unreliable: [] };
  const counts = new Map<string, number>();
  const judged = outcomes.map((outcome): Outcome => {
    const { result } = outcome;
    if (result.status !== 'fail' && result.status !== 'rounding') return outcome;
    const on = [...new Set((result.terms ?? []).map(termTable))].find((t) => t !== undefined && reasons.has(t));
    const verdict = on === undefined ? undefined : reasons.get(on);
    if (!on || !verdict) return outcome;
    counts.set(on, (counts.get(on) ?? 0) + 1);
    return { ...outcome, result: skippedFor(verdict.table, verdict.reason, result) };
  });
  const unreliable = [...reasons].map(([key, { table, reason }]) => ({
    table: table.key,
    reason,
    skipped: counts.get(key) ?? 0,
    loc: { ...table.titleLoc, table: key },
  }));
  return { outcomes: judged, unreliable };
}
