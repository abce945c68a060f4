import type { Cell } from '../../model/document.js';
import type { CheckResult, CheckStatus, Localized, MessageParam, Relation, Term } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { ZERO, type Dec } from '../../model/number.js';

/** One side of an identity: a table cell (absent when the row or column is not printed). */
export interface Operand {
  cell: Cell | undefined;
  label: string;
  sign?: 1 | -1;
}

export interface IdentitySpec {
  key: string;
  message: { id: string; params: Record<string, MessageParam> };
  total: Operand;
  items: readonly Operand[];
}

const UNREADABLE: Localized = { zh: '有单元格不是数字', en: 'a cell is not a number' };

/** Decimal text: at least two places (money), more when the value has them (元 converted to 万元). */
export function money(value: Dec): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

function locOf(cell: Cell): Location {
  return cell.kind === 'amount' ? cell.amount.loc : cell.loc;
}

function term(op: Operand, role: Term['role']): Term | undefined {
  const cell = op.cell;
  if (!cell) return undefined;
  const sign = op.sign ?? 1;
  if (cell.kind === 'amount') {
    const a = cell.amount;
    return { role, label: op.label, text: a.text, value: money(a.value), half: a.half.toFixed(), sign, loc: a.loc };
  }
  return { role, label: op.label, text: cell.kind === 'invalid' ? cell.text : null, value: null, half: null, sign, loc: cell.loc };
}

/**
 * Interval check of total = Σ items (XBRL Calculations 1.1): each printed value stands for
 * ± half its last digit, so the identity holds when |difference| ≤ the sum of those radii.
 * Empty cells take no part (a blank is not a zero); when every cell is empty or absent there is
 * nothing to check and the result is undefined.
 */
export function sumIdentity(spec: IdentitySpec, relation: Relation = 'sum'): CheckResult | undefined {
  const all = [spec.total, ...spec.items];
  const present = all.filter((op) => op.cell !== undefined);
  if (present.every((op) => op.cell?.kind === 'blank')) return undefined;
  const terms = [term(spec.total, 'total'), ...spec.items.map((op) => term(op, 'item'))].filter((t): t is Term => !!t);
  const locations = present.map((op) => locOf(op.cell as Cell));
  if (present.some((op) => op.cell?.kind === 'invalid')) {
    return { key: spec.key, status: 'skipped', relation, message: spec.message, reason: UNREADABLE, locations, terms };
  }
  let expected = ZERO;
  let tolerance = ZERO;
  for (const op of spec.items) {
    if (op.cell?.kind !== 'amount') continue;
    expected = expected.plus(op.cell.amount.value.times(op.sign ?? 1));
    tolerance = tolerance.plus(op.cell.amount.half);
  }
  const totalCell = spec.total.cell;
  const actual = totalCell?.kind === 'amount' ? totalCell.amount.value : ZERO;
  if (totalCell?.kind === 'amount') tolerance = tolerance.plus(totalCell.amount.half);
  const difference = actual.minus(expected);
  const status: CheckStatus = difference.isZero() ? 'pass' : difference.abs().lte(tolerance) ? 'rounding' : 'fail';
  return {
    key: spec.key,
    status,
    relation,
    message: spec.message,
    locations,
    expected: money(expected),
    actual: money(actual),
    difference: money(difference),
    tolerance: money(tolerance),
    terms,
  };
}

/** a = b, with the same interval semantics (b is `expected`, a is `actual`). */
export function equalIdentity(
  key: string,
  message: IdentitySpec['message'],
  a: Operand,
  b: Operand,
): CheckResult | undefined {
  return sumIdentity({ key, message, total: a, items: [b] }, 'equal');
}

/**
 * part ≤ whole: basic-expenditure lines of the 三公 kinds may not exceed the 三公 table. Only an
 * excess beyond the rounding radii fails; an excess within them is a rounding note.
 */
export function notExceed(
  key: string,
  message: IdentitySpec['message'],
  part: Operand,
  whole: Operand | readonly Operand[],
): CheckResult | undefined {
  const items = Array.isArray(whole) ? whole : [whole as Operand];
  const check = sumIdentity({ key, message, total: part, items }, 'not-exceed');
  if (!check || check.status === 'skipped' || check.difference === undefined) return check;
  const excess = check.difference;
  if (excess.startsWith('-') || /^0(\.0+)?$/.test(excess)) return { ...check, status: 'pass' };
  return check;
}

/** A check that could not run because a table or cell it needs is not there. */
export function skipped(key: string, message: IdentitySpec['message'], reason: Localized, locations: Location[] = []): CheckResult {
  return { key, status: 'skipped', relation: 'none', message, reason, locations };
}

/** A finding that is not an arithmetic check (missing table, unreadable cell, wording). */
export function defect(
  key: string,
  message: IdentitySpec['message'],
  locations: Location[],
  extra: Partial<Pick<CheckResult, 'severity' | 'expected' | 'actual'>> = {},
): CheckResult {
  return { key, status: 'fail', relation: 'none', message, locations, ...extra };
}
