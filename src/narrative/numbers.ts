import type { Location } from '../model/location.js';
import { D, halfUnit, ZERO, type Dec } from '../model/number.js';
import { locAt, type Sentence } from './text.js';
import type { Work } from './work.js';

export type NumberKind = 'money' | 'percent' | 'count';

/** A number printed in a sentence, as an interval: value ± half. */
export interface Num {
  kind: NumberKind;
  value: Dec;
  half: Dec;
  /** As printed, with its unit (“9205.13万元”, “86.2%”, “11辆”). */
  text: string;
  decimals: number;
  /** Character range in the sentence text. */
  start: number;
  end: number;
  loc: Location;
  /** Index among the sentence's numbers. */
  index: number;
  /** For counts: the measure word (个, 人, 辆 …). */
  unit: string;
}

const TEN_THOUSAND = new D(10000);
/**
 * At most 20 digits before the point and 20 after, and 6 groups of thousands: a longer run of digits
 * is not a figure of the accounts, and the cap keeps reading it linear. A match starts only at
 * the first digit of a run (a later start could only give a shorter reading of the same figure).
 */
const DIGITS = '\\d{1,20}';
const DECIMALS = '(?:\\.\\d{1,20})?';
const MONEY = new RegExp(`(?<!\\d)(${DIGITS}(?:,\\d{3}){0,6}${DECIMALS})(亿元|万元|元)`, 'g');
const PERCENT = new RegExp(`(?<!\\d)(${DIGITS}${DECIMALS})%`, 'g');
const COUNT = new RegExp(`(?<!\\d)(${DIGITS}${DECIMALS})(万人次|万人|万家|万个|人次|批次|台\\(套\\)|个|人|辆|件|台|套|场|次|家|名|条|份|户|起|所|场次)`, 'g');
/** Characters past a window that a figure starting inside it may reach (digits, groups, unit, date mark). */
const REACH = 160;

/**
 * Narrative amounts drop trailing zeros (“620万元” restates 620.00), so an amount in 万元 is read to
 * at least the tables' precision of 0.01万元; more printed decimals narrow it further. 元 amounts
 * are exact to the 元 printed; 亿元 figures are rounded as printed.
 */
function moneyOf(digits: string, unit: string): { value: Dec; half: Dec; decimals: number } {
  const raw = new D(digits.replace(/,/g, ''));
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  if (unit === '亿元') {
    return { value: raw.times(TEN_THOUSAND), half: halfUnit(decimals).times(TEN_THOUSAND), decimals };
  }
  if (unit === '元') {
    return { value: raw.div(TEN_THOUSAND), half: halfUnit(Math.max(decimals, 0)).div(TEN_THOUSAND), decimals };
  }
  return { value: raw, half: halfUnit(Math.max(decimals, 2)), decimals };
}

/** Digits that are part of a date, a year, a code or an ordinal are not numbers about the accounts. */
function partOfDate(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 2);
  const before = text.slice(Math.max(0, start - 1), start);
  return /^[年月日号]/.test(after) || /[第]$/.test(before);
}

/** Whether `n` overlaps a figure of `kept` (sorted, not overlapping each other): one pointer, moved forward only. */
function overlapper(kept: readonly Num[]): (n: Num) => boolean {
  let i = 0;
  return (n) => {
    while (i < kept.length && (kept[i]?.end ?? 0) <= n.start) i++;
    const k = kept[i];
    return k !== undefined && k.start < n.end;
  };
}

function merge(a: readonly Num[], b: readonly Num[]): Num[] {
  const out: Num[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.start <= y.start)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * All money amounts, percentages and counts printed in a sentence, in order; with `window`, only
 * those starting in its first `window` characters. Amounts take precedence over percentages, and
 * both over counts, where they overlap.
 */
export function numbersOf(sentence: Sentence, window?: number, work?: Work): Num[] {
  const text = window === undefined || window + REACH >= sentence.text.length ? sentence.text : sentence.text.slice(0, window + REACH);
  const limit = window ?? text.length;
  if (work) work.steps += text.length * 3;
  const noLoc = { file: '', line: 0 };
  const money: Num[] = [];
  for (const m of text.matchAll(MONEY)) {
    const [whole, digits = '', unit = ''] = m;
    const start = m.index ?? 0;
    const value = moneyOf(digits, unit);
    money.push({ kind: 'money', value: value.value, half: value.half, decimals: value.decimals, text: whole, start, end: start + whole.length, unit, index: 0, loc: noLoc });
  }
  const clashesWithMoney = overlapper(money);
  const percents: Num[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const [whole, digits = ''] = m;
    const start = m.index ?? 0;
    const n: Num = { kind: 'percent', value: new D(digits), half: halfUnit(decimalsOf(digits)), decimals: decimalsOf(digits), text: whole, start, end: start + whole.length, unit: '%', index: 0, loc: noLoc };
    if (!clashesWithMoney(n)) percents.push(n);
  }
  const before = merge(money, percents);
  const clashes = overlapper(before);
  const counts: Num[] = [];
  for (const m of text.matchAll(COUNT)) {
    const [whole, digits = '', unit = ''] = m;
    const start = m.index ?? 0;
    if (partOfDate(text, start, start + digits.length)) continue;
    // A whole number of things is exact; 1.5万人 is rounded like an amount.
    const exact = decimalsOf(digits) === 0 && !unit.startsWith('万');
    const n: Num = { kind: 'count', value: new D(digits), half: exact ? ZERO : halfUnit(decimalsOf(digits)), decimals: decimalsOf(digits), text: whole, start, end: start + whole.length, unit, index: 0, loc: noLoc };
    if (!clashes(n)) counts.push(n);
  }
  const found = merge(before, counts).filter((n) => n.start < limit);
  found.forEach((n, i) => {
    n.index = i;
    n.loc = locAt(sentence, n.start);
  });
  return found;
}

const decimalsOf = (digits: string): number => (digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0);

/** A threshold (“单位价值50万元以上”) is a condition, not an amount of the accounts. */
export function isThreshold(sentence: Sentence, n: Num): boolean {
  return /^(\(含\))?(以上|以下|及以上)/.test(sentence.text.slice(n.end, n.end + 6));
}
