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
/** Measure words of counts, in the order they are tried (the first that follows wins: 场 before 场次). */
const COUNT_UNITS = ['万人次', '万人', '万家', '万个', '人次', '批次', '台(套)', '个', '人', '辆', '件', '台', '套', '场', '次', '家', '名', '条', '份', '户', '起', '所', '场次'];
const MONEY_UNITS = ['亿元', '万元', '元'];
const PERCENT_SIGN = 0x25;
const COMMA = 0x2c;
const POINT = 0x2e;

/** A figure found by `figureMatches`: `digits` as printed (groups and point kept), then its unit. */
export interface FigureMatch {
  start: number;
  end: number;
  digits: string;
  unit: string;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Offset past the run of digits starting at `i`. */
function digitsFrom(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Where the digits of a figure starting at `p` end: at most 20 digits, with `groups` up to 6
 * groups “,ddd”, then optionally a point and 1 to 20 digits. -1 when no unit may follow (a run
 * too long, or a point and digits the figure cannot take whole).
 */
function figureDigitsEnd(text: string, p: number, groups: boolean): number {
  let i = digitsFrom(text, p);
  if (i - p > 20) return -1;
  if (groups) {
    for (let g = 0; g < 6 && text.charCodeAt(i) === COMMA && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)); g++) i += 4;
  }
  if (text.charCodeAt(i) === POINT && isDigit(text.charCodeAt(i + 1))) {
    const end = digitsFrom(text, i + 1);
    return end - i - 1 > 20 ? -1 : end;
  }
  return i;
}

function unitAt(text: string, i: number, units: readonly string[]): string | undefined {
  for (const u of units) if (text.startsWith(u, i)) return u;
  return undefined;
}

/**
 * The money amounts, percentages and counts printed in `text`, each kind in order and not
 * overlapping its own kind, in one pass over the text: what the patterns
 * /(?<!\d)(\d{1,20}(?:,\d{3}){0,6}(?:\.\d{1,20})?)(亿元|万元|元)/g, /(?<!\d)(\d{1,20}(?:\.\d{1,20})?)%/g and
 * /(?<!\d)(\d{1,20}(?:\.\d{1,20})?)(万人次|…|场次)/g find, each scanned alone. A figure starts only at
 * the first digit of a run; its digits end at one place (a digit, comma or point after a shorter
 * reading leaves no unit there), so each kind is one attempt per run.
 */
export function figureMatches(text: string): { money: FigureMatch[]; percents: FigureMatch[]; counts: FigureMatch[] } {
  const money: FigureMatch[] = [];
  const percents: FigureMatch[] = [];
  const counts: FigureMatch[] = [];
  // Each kind's matches do not overlap: a start is tried only past the end of the kind's last match.
  let moneyFrom = 0;
  let percentFrom = 0;
  let countFrom = 0;
  for (let p = 0; p < text.length; p++) {
    if (!isDigit(text.charCodeAt(p)) || (p > 0 && isDigit(text.charCodeAt(p - 1)))) continue;
    if (p >= moneyFrom) {
      const end = figureDigitsEnd(text, p, true);
      const unit = end < 0 ? undefined : unitAt(text, end, MONEY_UNITS);
      if (unit !== undefined) {
        money.push({ start: p, end: end + unit.length, digits: text.slice(p, end), unit });
        moneyFrom = end + unit.length;
      }
    }
    if (p >= percentFrom || p >= countFrom) {
      const end = figureDigitsEnd(text, p, false);
      if (end >= 0) {
        if (p >= percentFrom && text.charCodeAt(end) === PERCENT_SIGN) {
          percents.push({ start: p, end: end + 1, digits: text.slice(p, end), unit: '%' });
          percentFrom = end + 1;
        }
        const unit = p >= countFrom ? unitAt(text, end, COUNT_UNITS) : undefined;
        if (unit !== undefined) {
          counts.push({ start: p, end: end + unit.length, digits: text.slice(p, end), unit });
          countFrom = end + unit.length;
        }
      }
    }
  }
  return { money, percents, counts };
}

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
  const figures = figureMatches(text);
  const money: Num[] = [];
  for (const { start, end, digits, unit } of figures.money) {
    const value = moneyOf(digits, unit);
    money.push({ kind: 'money', value: value.value, half: value.half, decimals: value.decimals, text: text.slice(start, end), start, end, unit, index: 0, loc: noLoc });
  }
  const clashesWithMoney = overlapper(money);
  const percents: Num[] = [];
  for (const { start, end, digits } of figures.percents) {
    const n: Num = { kind: 'percent', value: new D(digits), half: halfUnit(decimalsOf(digits)), decimals: decimalsOf(digits), text: text.slice(start, end), start, end, unit: '%', index: 0, loc: noLoc };
    if (!clashesWithMoney(n)) percents.push(n);
  }
  const before = merge(money, percents);
  const clashes = overlapper(before);
  const counts: Num[] = [];
  for (const { start, end, digits, unit } of figures.counts) {
    if (partOfDate(text, start, start + digits.length)) continue;
    // A whole number of things is exact; 1.5万人 is rounded like an amount.
    const exact = decimalsOf(digits) === 0 && !unit.startsWith('万');
    const n: Num = { kind: 'count', value: new D(digits), half: exact ? ZERO : halfUnit(decimalsOf(digits)), decimals: decimalsOf(digits), text: text.slice(start, end), start, end, unit, index: 0, loc: noLoc };
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
