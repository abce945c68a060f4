import { D, ZERO, type Dec } from '../model/number.js';

/** A printed value as the interval it stands for. */
export interface Interval {
  lo: Dec;
  hi: Dec;
}

const HUNDRED = new D(100);

export function interval(value: Dec, half: Dec): Interval {
  return { lo: value.minus(half), hi: value.plus(half) };
}

/** part / whole × 100 over the intervals (both non-negative); undefined when the whole may be zero. */
export function percentOf(part: Interval, whole: Interval): Interval | undefined {
  if (whole.lo.lte(0)) return undefined;
  const lo = part.lo.lt(0) ? ZERO : part.lo;
  return { lo: lo.div(whole.hi).times(HUNDRED), hi: part.hi.div(whole.lo).times(HUNDRED) };
}

/**
 * Rate of a change against its base: the base is current − change for a rise, current + change
 * for a fall. The rate grows with the change and falls with the current value, so its bounds
 * come from the opposite ends of the two intervals.
 */
export function changeRate(change: Interval, current: Interval, rise: boolean): Interval | undefined {
  const baseLo = rise ? current.lo.minus(change.hi) : current.lo.plus(change.lo);
  const baseHi = rise ? current.hi.minus(change.lo) : current.hi.plus(change.hi);
  if (baseLo.lte(0)) return undefined;
  return { lo: change.lo.div(baseHi).times(HUNDRED), hi: change.hi.div(baseLo).times(HUNDRED) };
}

export type PercentVerdict = 'pass' | 'rounding' | 'truncated' | 'fail';

/**
 * Does a printed percentage agree with the value computed from the amounts? `exact` is computed
 * from the printed figures; `range` from their intervals. Printed to d decimals, p stands for
 * [p − h, p + h]: agreement when the ranges meet. A figure that is only reached by cutting digits
 * off (99.868% printed 99.86%) was truncated, not rounded.
 */
export function percentVerdict(exact: Dec, range: Interval, printed: Dec, half: Dec): PercentVerdict {
  const band = interval(printed, half);
  if (exact.gte(band.lo) && exact.lt(band.hi)) return 'pass';
  if (range.hi.gte(band.lo) && range.lo.lte(band.hi)) return 'rounding';
  const cut = { lo: printed, hi: printed.plus(half.times(2)) };
  if (range.hi.gte(cut.lo) && range.lo.lt(cut.hi)) return 'truncated';
  return 'fail';
}
