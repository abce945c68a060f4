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
const UNPLACED: Localized = { zh: '有单元格无法从文本中确定', en: 'a cell could not be read from the text layout' };

/**
 * Interval check of total = Σ items (XBRL Calculations 1.1): each printed value stands for
 * ± half its last digit, so the identity holds when |difference| ≤ the sum of those radii.
 * Empty cells take no part (a blank is not a zero); when every cell is empty or absent there is
 * nothing to check and the result is undefined.
 */
export function sumIdentity(spec: IdentitySpec, relation: Relation = 'sum'): CheckResult | undefined {
  // One pass over the operands: this runs for every check of every document.
  const terms: Term[] = [];
  const locations: Location[] = [];
  let unreadable = false;
  let unplaced = false;
  let anyValue = false;
  let expected = ZERO;
  const halves = new Map<Dec, number>();
  const visit = (op: Operand, role: Term['role']): void => {
    const cell = op.cell;
    if (!cell) return;
    const sign = op.sign ?? 1;
    terms.push({ role, label: op.label, sign, cell });
    if (cell.kind === 'amount') {
      anyValue = true;
      locations.push(cell.amount.loc);
      halves.set(cell.amount.half, (halves.get(cell.amount.half) ?? 0) + 1);
      if (role === 'item') expected = sign === -1 ? expected.minus(cell.amount.value) : expected.plus(cell.amount.value);
    } else {
      locations.push(cell.loc);
      if (cell.kind === 'invalid') {
        unreadable = true;
        anyValue = true;
      } else if (cell.kind === 'unknown') {
        unplaced = true;
        anyValue = true;
      }
    }
  };
  visit(spec.total, 'total');
  for (const op of spec.items) visit(op, 'item');
  if (!anyValue) return undefined;
  if (unreadable || unplaced) {
    return { key: spec.key, status: 'skipped', relation, message: spec.message, reason: unreadable ? UNREADABLE : UNPLACED, locations, terms };
  }
  let tolerance = ZERO;
  for (const [half, count] of halves) tolerance = tolerance.plus(count === 1 ? half : half.times(count));
  const totalCell = spec.total.cell;
  const actual = totalCell?.kind === 'amount' ? totalCell.amount.value : ZERO;
  const difference = actual.minus(expected);
  const status: CheckStatus = difference.isZero() ? 'pass' : difference.abs().lte(tolerance) ? 'rounding' : 'fail';
  return { key: spec.key, status, relation, message: spec.message, locations, expected, actual, difference, tolerance, terms };
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
  if (check.difference.lte(0)) return { ...check, status: 'pass' };
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
