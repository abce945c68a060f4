import { D } from '../../model/number.js';
import type { Location } from '../../model/location.js';
import type { Localized } from '../../model/finding.js';
import type { SetResult } from './types.js';

/** A value with its rounding radius, as a digest keeps it. */
export interface Printed {
  value: string;
  half: string;
}

const money = (d: InstanceType<typeof D>): string => d.toFixed(2);

/**
 * Two figures that must agree, each with its rounding radius: equal within the sum of the radii is
 * a pass (rounding when not exactly equal), beyond it a failure naming both cells.
 */
export function agree(key: string, expected: Printed, actual: Printed, message: Localized, locations: Location[]): SetResult {
  const e = new D(expected.value);
  const a = new D(actual.value);
  const diff = a.minus(e);
  const tolerance = new D(expected.half).plus(actual.half);
  const status = diff.isZero() ? 'pass' : diff.abs().lte(tolerance) ? 'rounding' : 'fail';
  return { key, status, message, locations, expected: money(e), actual: money(a), difference: money(diff), tolerance: money(tolerance) };
}

/**
 * Last year's figure a 比上年 claim implies: this year's less the change (增加) or plus it (减少),
 * with the rounding of both printed figures.
 */
export function impliedLastYear(now: Printed, change: Printed & { sign: 1 | -1 }): { value: InstanceType<typeof D>; printed: Printed } {
  const value = new D(now.value).minus(new D(change.value).times(change.sign));
  return { value, printed: { value: value.toString(), half: new D(now.half).plus(change.half).toString() } };
}
