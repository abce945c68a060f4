import type { Location } from '../model/location.js';
import { D, halfUnit, type Dec } from '../model/number.js';
import { locAt, type Sentence } from './text.js';

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
const MONEY = /(\d+(?:,\d{3})*(?:\.\d+)?)(亿元|万元|元)/g;
const PERCENT = /(\d+(?:\.\d+)?)%/g;
const COUNT = /(\d+(?:\.\d+)?)(万人次|万人|万家|万个|人次|批次|台\(套\)|个|人|辆|件|台|套|场|次|家|名|条|份|户|起|所|场次)/g;

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

/** All money amounts, percentages and counts printed in a sentence, in order. */
export function numbersOf(sentence: Sentence): Num[] {
  const text = sentence.text;
  const found: Num[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (n: Num) => {
    if (overlaps(n.start, n.end)) return;
    taken.push([n.start, n.end]);
    n.loc = locAt(sentence, n.start);
    found.push(n);
  };
  const noLoc = { file: '', line: 0 };
  for (const m of text.matchAll(MONEY)) {
    const [whole, digits = '', unit = ''] = m;
    const start = m.index ?? 0;
    const money = moneyOf(digits, unit);
    add({ kind: 'money', value: money.value, half: money.half, decimals: money.decimals, text: whole, start, end: start + whole.length, unit, index: 0, loc: noLoc });
  }
  for (const m of text.matchAll(PERCENT)) {
    const [whole, digits = ''] = m;
    const start = m.index ?? 0;
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
    add({ kind: 'percent', value: new D(digits), half: halfUnit(decimals), decimals, text: whole, start, end: start + whole.length, unit: '%', index: 0, loc: noLoc });
  }
  for (const m of text.matchAll(COUNT)) {
    const [whole, digits = '', unit = ''] = m;
    const start = m.index ?? 0;
    if (partOfDate(text, start, start + digits.length)) continue;
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
    add({ kind: 'count', value: new D(digits), half: halfUnit(decimals), decimals, text: whole, start, end: start + whole.length, unit, index: 0, loc: noLoc });
  }
  found.sort((a, b) => a.start - b.start);
  found.forEach((n, i) => {
    n.index = i;
  });
  return found;
}

/** A threshold (“单位价值50万元以上”) is a condition, not an amount of the accounts. */
export function isThreshold(sentence: Sentence, n: Num): boolean {
  return /^(\(含\))?(以上|以下|及以上)/.test(sentence.text.slice(n.end, n.end + 6));
}
