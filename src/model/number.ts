import { Decimal } from 'decimal.js';

/** Money and rates are exact decimals; 40 significant digits is far beyond any published figure. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);

/** What a printed cell holds once read. */
export type ParsedNumber =
  | { kind: 'blank' }
  | { kind: 'number'; value: Dec; decimals: number }
  | { kind: 'invalid' };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF08\uFF09]/g;
const BLANK_MARKS = new Set(['', '-', '—', '–', '－', '——', '/', '\\']);

/** Maps full-width digits and punctuation to ASCII, so “１，２３４．５０” reads as 1,234.50. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a printed amount: thousands separators, full-width digits, inner spaces, `(12.00)` and
 * `-12.00`/`−12.00` negatives. Dashes and blanks are empty cells, never zero.
 */
const PLAIN = /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d+)$/;

export function parseNumber(raw: string): ParsedNumber {
  const fast = PLAIN.exec(raw);
  if (fast) return { kind: 'number', value: new D(raw.replace(/,/g, '')), decimals: fast[2]?.length ?? 0 };
  let text = toHalfWidth(raw).replace(/[\s\u00a0\u3000]+/g, '');
  if (BLANK_MARKS.has(text)) return { kind: 'blank' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-−]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return { kind: 'invalid' };
  const plain = text.replace(/,/g, '');
  const dot = plain.indexOf('.');
  const decimals = dot < 0 ? 0 : plain.length - dot - 1;
  const value = new D(plain);
  return { kind: 'number', value: negative ? value.negated() : value, decimals };
}

const HALF_UNITS = new Map<number, Dec>();

/** Half of the last printed digit: the radius of the interval a printed value stands for. */
export function halfUnit(decimals: number): Dec {
  let half = HALF_UNITS.get(decimals);
  if (!half) {
    half = new D(5).times(new D(10).pow(-(decimals + 1)));
    HALF_UNITS.set(decimals, half);
  }
  return half;
}

/** Exact decimal text with at least two places (money), more when the value has them. */
export function money(value: Dec): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

/** Fixed-point text with thousands separators, as tables print money. */
export function formatMoney(value: Dec, decimals = 2): string {
  const fixed = value.toFixed(decimals);
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Plain decimal string without exponent, trailing zeros trimmed to at most `max` places. */
export function decimalString(value: Dec, max = 6): string {
  const fixed = value.toDecimalPlaces(max).toFixed();
  return fixed === '-0' ? '0' : fixed;
}
