import type { Cell, DisclosureDocument, TableKey } from '../model/document.js';
import type { CheckResult, CheckStatus, Relation, Term } from '../model/finding.js';
import { compareLocations, type Location } from '../model/location.js';
import { money, ZERO, type Dec } from '../model/number.js';
import type { Rule } from '../rules/types.js';
import { renderMessage, type Lang } from './messages.js';

/**
 * How a check came out, in the words of the rounding rule: `exact` (the two sides are equal),
 * `below` (a part that may not exceed its whole is below it), `rounding` (the intervals meet),
 * `beyond` (they do not), `skipped` (the check could not run), `defect` (a finding that is not
 * arithmetic: a missing table, an unreadable cell).
 */
export type ExplainCase = 'exact' | 'below' | 'rounding' | 'beyond' | 'skipped' | 'defect';

/** One cell a check read, with everything an auditor needs to redo the sum by hand. */
export interface ExplainedTerm {
  role: Term['role'];
  sign: 1 | -1;
  kind: Cell['kind'];
  /** The cell as printed ('' for an empty cell). */
  text: string;
  /** Exact value in 万元, its rounding radius and the interval it stands for; amounts only. */
  value?: string;
  half?: string;
  low?: string;
  high?: string;
  /** Printed titles: the table, the row (code and name) and the column header. */
  table: string | null;
  row: string | null;
  column: string | null;
  location: Location;
}

export interface ExplainedSide {
  value: string;
  low: string;
  high: string;
}

export interface ExplainedCheck {
  id: string;
  rule: string;
  status: CheckStatus;
  case: ExplainCase;
  relation: Relation;
  message: string;
  /** Why a skipped check could not run. */
  reason?: string;
  terms: ExplainedTerm[];
  /** The printed total (left side) and the signed sum of the items (right side), with their intervals. */
  total?: ExplainedSide & { text: string };
  sum?: ExplainedSide & { count: number };
  /** total − sum. */
  difference?: string;
  /** Σ of the rounding radii of every printed value, and how it is made up. */
  tolerance?: string;
  halves?: Array<{ half: string; count: number }>;
  locations: Location[];
}

export interface ExplainedDocument {
  source: string;
  department: string | null;
  year: number | null;
  checks: ExplainedCheck[];
}

function caseOf(result: CheckResult): ExplainCase {
  switch (result.status) {
    case 'skipped':
      return 'skipped';
    case 'rounding':
      return 'rounding';
    case 'fail':
      return result.relation === 'none' || result.terms === undefined ? 'defect' : 'beyond';
    case 'pass':
      return result.difference !== undefined && !result.difference.isZero() ? 'below' : 'exact';
    default: {
      const never: never = result.status;
      return never;
    }
  }
}

function locationOf(cell: Cell): Location {
  return cell.kind === 'amount' ? cell.amount.loc : cell.loc;
}

function labels(doc: DisclosureDocument, loc: Location): Pick<ExplainedTerm, 'table' | 'row' | 'column'> {
  const table = loc.table !== undefined ? doc.tables[loc.table as TableKey] : undefined;
  if (!table) return { table: null, row: null, column: null };
  const row = table.rows.find((r) => r.key === loc.row);
  const column = table.columns.find((c) => c.key === loc.column);
  return {
    table: table.title,
    row: row ? (row.code ? `${row.code} ${row.label}`.trim() : row.label.trim()) : (loc.row ?? null),
    column: column ? column.label : (loc.column ?? null),
  };
}

function term(doc: DisclosureDocument, t: Term): ExplainedTerm {
  const cell = t.cell;
  const location = locationOf(cell);
  const base = { role: t.role, sign: t.sign, kind: cell.kind, ...labels(doc, location), location };
  if (cell.kind === 'amount') {
    const a = cell.amount;
    return { ...base, text: a.text, value: money(a.value), half: money(a.half), low: money(a.value.minus(a.half)), high: money(a.value.plus(a.half)) };
  }
  return { ...base, text: cell.kind === 'invalid' ? cell.text : '' };
}

/** Every check of the given rules, explained in full: the terms with their intervals, the sum, the bound and the case. */
export function explainResults(doc: DisclosureDocument, results: ReadonlyArray<{ rule: Rule; result: CheckResult }>, lang: Lang): ExplainedCheck[] {
  const checks = results.map(({ rule, result }): ExplainedCheck => {
    const terms = (result.terms ?? []).map((t) => term(doc, t));
    const check: ExplainedCheck = {
      id: `${rule.meta.id}:${result.key}`,
      rule: rule.meta.id,
      status: result.status,
      case: caseOf(result),
      relation: result.relation,
      message: renderMessage(rule.meta, result, lang),
      ...(result.reason ? { reason: result.reason[lang] } : {}),
      terms,
      locations: [...result.locations].sort(compareLocations),
    };
    const amounts = (result.terms ?? []).filter((t): t is Term & { cell: { kind: 'amount' } } => t.cell.kind === 'amount');
    if (result.status === 'skipped' || amounts.length === 0 || result.difference === undefined) return check;
    const totalTerm = amounts.find((t) => t.role === 'total');
    const items = amounts.filter((t) => t.role === 'item');
    let sum = ZERO;
    let sumHalf = ZERO;
    for (const t of items) {
      sum = t.sign === -1 ? sum.minus(t.cell.amount.value) : sum.plus(t.cell.amount.value);
      sumHalf = sumHalf.plus(t.cell.amount.half);
    }
    const side = (value: Dec, half: Dec): ExplainedSide => ({ value: money(value), low: money(value.minus(half)), high: money(value.plus(half)) });
    if (totalTerm) check.total = { text: totalTerm.cell.amount.text, ...side(totalTerm.cell.amount.value, totalTerm.cell.amount.half) };
    check.sum = { ...side(sum, sumHalf), count: items.length };
    check.difference = money(result.difference);
    if (result.tolerance !== undefined) check.tolerance = money(result.tolerance);
    const halves = new Map<string, number>();
    for (const t of amounts) halves.set(money(t.cell.amount.half), (halves.get(money(t.cell.amount.half)) ?? 0) + 1);
    check.halves = [...halves.entries()].map(([half, count]) => ({ half, count }));
    return check;
  });
  // Document order, as in reports: by the printed total (or the first cell) of each check.
  const anchor = (c: ExplainedCheck) => c.terms.find((t) => t.role === 'total')?.location ?? c.locations[0];
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const la = anchor(a.c);
      const lb = anchor(b.c);
      if (la && lb) return compareLocations(la, lb) || a.i - b.i;
      return la ? -1 : lb ? 1 : a.i - b.i;
    })
    .map(({ c }) => c);
}
