import type { Dec } from '../model/number.js';

/**
 * Exact integer arithmetic for the verdict of a check, beside decimal.js.
 *
 * Nearly every identity passes, and a passing check shows no number, so its verdict is worked out
 * on scaled integers taken exactly from the decimals the reader built: a value is `units / 10^scale`
 * with `units` a safe integer. Every sum and comparison is exact as long as each result stays a
 * safe integer (|x| ≤ 2^53 − 1: an integer operation on exact operands whose exact result is that
 * small is exact in IEEE doubles); when one would not, or a figure has too many digits, there is no
 * fast verdict and the check is worked out with decimal.js. decimal.js stays the arithmetic of record:
 * a check that does not pass, and every value a result shows, is computed with it
 * (test/formula/scaled.property.test.ts proves the two verdicts agree).
 */

export interface Scaled {
  /** The value times 10^scale: a safe integer. */
  units: number;
  scale: number;
}

/** 10^k for the scales a safe integer can carry. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_SCALE = POW10.length - 1;
const MAX = Number.MAX_SAFE_INTEGER;

// The result of `read`, kept here so that reading a value allocates nothing.
let readUnits = 0;
let readScale = 0;

/**
 * Reads a decimal into `readUnits / 10^readScale`; false when it is out of the exact range.
 * decimal.js keeps a value as words of seven digits aligned on its exponent:
 * value = Σ d[i] × 10^(7 × (⌊e / 7⌋ − i)).
 */
function read(value: Dec): boolean {
  const words = value.d;
  // NaN and ±Infinity have no words.
  if (!words || words.length === 0) return false;
  // Trailing zeros of the last word are dropped first, so that they never take a value out of range.
  const n = words.length;
  let last = words[n - 1] ?? 0;
  let zeros = 0;
  while (last !== 0 && last % 10 === 0) {
    last /= 10;
    zeros++;
  }
  let units = 0;
  for (let i = 0; i < n - 1; i++) {
    units = units * 1e7 + (words[i] ?? 0);
    // A result past 2^53 − 1 stays past it once rounded, so the test is exact.
    if (!(units <= MAX)) return false;
  }
  units = units * (POW10[7 - zeros] ?? Number.NaN) + last;
  if (!(units <= MAX)) return false;
  let scale = 7 * (n - 1 - Math.floor(value.e / 7)) - zeros;
  if (scale < 0) {
    units *= POW10[-scale] ?? Number.NaN;
    if (!(units <= MAX)) return false;
    scale = 0;
  }
  if (scale > MAX_SCALE) return false;
  readUnits = value.s < 0 ? -units : units;
  readScale = scale;
  return true;
}

/** A decimal as a scaled safe integer, or undefined when it is out of that range. */
export function scaledOf(value: Dec): Scaled | undefined {
  return read(value) ? { units: readUnits === 0 ? 0 : readUnits, scale: readScale } : undefined;
}

export type ScaledStatus = 'pass' | 'rounding' | 'fail';

/**
 * The two sides of a check, accumulated as exact integers at the finest scale seen so far: the
 * difference (left − right) and the tolerance (the sum of the printed values' halves).
 */
export class ScaledCheck {
  private difference = 0;
  private tolerance = 0;
  private scale = 0;
  /** False once a value fell out of the exact range: there is no integer verdict. */
  exact = true;

  /** Brings the running sums to a finer scale. */
  private rescale(to: number): void {
    const factor = POW10[to - this.scale] ?? Number.NaN;
    this.difference *= factor;
    this.tolerance *= factor;
    this.scale = to;
    if (!(Math.abs(this.difference) <= MAX) || !(this.tolerance <= MAX)) this.exact = false;
  }

  /** `units / 10^scale` at the running scale, or NaN out of range. */
  private lifted(): number {
    if (readScale > this.scale) this.rescale(readScale);
    const r = readUnits * (POW10[this.scale - readScale] ?? Number.NaN);
    return Math.abs(r) <= MAX ? r : Number.NaN;
  }

  /** Adds a term of the left side (`side` 1) or the right (−1), with its half when printed. */
  add(side: 1 | -1, sign: 1 | -1, value: Dec, half?: Dec): void {
    if (!this.exact) return;
    if (!read(value)) {
      this.exact = false;
      return;
    }
    // Lifting may move the running sums to a finer scale: it is read before they are.
    const v = this.lifted();
    this.difference += side * sign * v;
    if (half !== undefined) {
      if (!read(half)) {
        this.exact = false;
        return;
      }
      const h = this.lifted();
      this.tolerance += h;
    }
    // NaN (a value out of range) fails these tests too.
    if (!(Math.abs(this.difference) <= MAX) || !(this.tolerance <= MAX)) this.exact = false;
  }

  /**
   * The verdict of `left op right` (`=`, or `≤` when `notExceed`) with interval rounding, the same
   * rules as the decimal path: equal sides pass; a difference within the tolerance (for `≤`, a left
   * side over the right by at most it) is rounding; more is a failure. Undefined when not exact.
   */
  status(notExceed: boolean): ScaledStatus | undefined {
    if (!this.exact) return undefined;
    const d = this.difference;
    if (notExceed) return d <= 0 ? 'pass' : d <= this.tolerance ? 'rounding' : 'fail';
    return d === 0 ? 'pass' : Math.abs(d) <= this.tolerance ? 'rounding' : 'fail';
  }
}
