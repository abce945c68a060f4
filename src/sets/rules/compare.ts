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
