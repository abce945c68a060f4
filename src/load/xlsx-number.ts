import { D } from '../model/number.js';

/** The part of an Excel number format that decides how an amount reads: its decimals and grouping. */
export interface AmountFormat {
  /** Decimals always shown (`0.00` → 2). */
  min: number;
  /** Decimals shown at most (`0.0#` → 2). */
  max: number;
  /** Thousands separators (`#,##0.00`). */
  grouped: boolean;
}

/**
 * Reads the first section of a number format (the one for positive numbers; the others only
 * change signs, brackets and colours). Undefined for General, text, dates, times, percentages,
 * scientific and scaled formats: those say nothing about the decimals of an amount.
 */
export function amountFormat(numFmt: string | undefined): AmountFormat | undefined {
  if (numFmt === undefined || numFmt === '' || /^general$/i.test(numFmt)) return undefined;
  const section = firstSection(numFmt)
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/[%@eEyYmMdDhHsS]/.test(section)) return undefined;
  const m = /([#0?,]*[#0?])(\.([#0?]*))?(,*)/.exec(section);
  if (!m?.[1]) return undefined;
  // A comma after the last digit divides by a thousand: the sheet shows other figures than it holds.
  if ((m[4] ?? '') !== '') return undefined;
  const decimals = m[3] ?? '';
  return { min: (decimals.match(/0/g) ?? []).length, max: decimals.length, grouped: m[1].includes(',') };
}

function firstSection(numFmt: string): string {
  let quoted = false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) return numFmt.slice(0, i);
  }
  return numFmt;
}

function group(fixed: string): string {
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

/**
 * A number stored in a cell, as the amount text the table prints. Excel keeps 15 significant
 * digits, so the double is read at that precision first (9205.130000000001 is 9205.13).
 * - With a format that fixes the decimals (`#,##0.00`, `0.00_ `, `0.0#`): the text the sheet
 *   displays, rounded half away from zero, grouped when the format groups; its rounding radius is
 *   half its last shown digit, as for any printed figure.
 * - Otherwise (General and every other format): the stored value with at least two decimals
 *   (620 → 620.00). General drops trailing zeros, so a cent-accurate 620.00 displays as 620;
 *   reading it as 620 ± 0.5 would hide real differences.
 * A stored number is always an amount, never a blank, whatever its display (a zero the
 * accounting format shows as “-” is 0.00).
 */
export function amountText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  let d = new D(value.toPrecision(15));
  if (d.isZero()) d = new D(0);
  const format = amountFormat(numFmt);
  if (!format) return d.toFixed(Math.max(2, d.decimalPlaces()));
  const rounded = d.toDecimalPlaces(format.max, D.ROUND_HALF_UP);
  let fixed = (rounded.isZero() ? new D(0) : rounded).toFixed(format.max);
  if (format.max > format.min) {
    fixed = fixed.replace(new RegExp(`0{1,${format.max - format.min}}$`), '');
    if (fixed.endsWith('.')) fixed = fixed.slice(0, -1);
  }
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  return `${negative ? '-' : ''}${format.grouped ? group(body) : body}`;
}
