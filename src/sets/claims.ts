import type { TextLine } from '../model/document.js';
import type { Location } from '../model/location.js';
import { parseNumber } from '../model/number.js';

/**
 * A 比上年 claim of a 部门预算 说明: this year's figure (when the sentence states it), the change
 * and its direction. Last year's figure is this year's less the change: what the previous year's
 * 预算 must print. Plain data (exact decimals as strings) for the document digest.
 */
export interface ChangeClaim {
  /** The digest cell of the previous document the claim rests on (total, general, fiscal, three-public). */
  item: string;
  /** This year's figure as stated; absent when the sentence gives only the change (then the document's own cell). */
  current?: { value: string; half: string; text: string };
  change: { value: string; half: string; text: string; sign: 1 | -1 };
  sentence: string;
  loc: Location;
}

const NUM = '([\\d,]+(?:\\.\\d+)?)';
const THAN = '[，,]?(?:与上年相比|比上年|较上年)[，,]?';
const DIRECTION = '(增加|减少)';

/** Sentence shapes by item: stated figure (group 1, or none) and change (direction, amount). */
const SHAPES: ReadonlyArray<{ item: string; re: RegExp; current: boolean }> = [
  { item: 'total', current: true, re: new RegExp(`(?:收入、?支出预算总计|收支预算总计|收支预算总额|收支总预算)(?:为)?${NUM}万元${THAN}(?:收、?支预算总计各?)?${DIRECTION}${NUM}万元`, 'u') },
  { item: 'fiscal', current: true, re: new RegExp(`财政拨款收支预算总额(?:为)?${NUM}万元${THAN}${DIRECTION}${NUM}万元`, 'u') },
  { item: 'fiscal', current: false, re: new RegExp(`(?:与上年相比|比上年|较上年)[，,]?财政拨款收、?支(?:预算)?总计各?${DIRECTION}${NUM}万元`, 'u') },
  { item: 'fiscal', current: false, re: new RegExp(`(?:与上年相比|比上年|较上年)[，,]?财政拨款支出(?:预算)?${DIRECTION}${NUM}万元`, 'u') },
  { item: 'general', current: true, re: new RegExp(`一般公共预算(?:收入|支出)(?:预算)?(?:为)?${NUM}万元${THAN}${DIRECTION}${NUM}万元`, 'u') },
  { item: 'three-public', current: true, re: new RegExp(`三公”?经费(?:支出)?预算(?:支出)?(?:为)?${NUM}万元${THAN}${DIRECTION}${NUM}万元`, 'u') },
];

function amount(text: string): { value: string; half: string; text: string } | undefined {
  const parsed = parseNumber(text);
  if (parsed.kind !== 'number') return undefined;
  return { value: parsed.value.toString(), half: halfOf(text), text };
}

/** Half of the last printed digit: 0.005 for 12.34, 0.5 for 191. */
function halfOf(text: string): string {
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  return decimals === 0 ? '0.5' : `0.${'0'.repeat(decimals)}5`;
}

/**
 * The 比上年 claims of a 说明, found in the narrative read as one text (a sentence wraps over
 * lines); each located at the line where it starts.
 */
export function budgetClaims(lines: readonly TextLine[]): ChangeClaim[] {
  let text = '';
  const starts: Array<{ at: number; loc: Location }> = [];
  for (const line of lines) {
    starts.push({ at: text.length, loc: line.loc });
    text += line.text.replace(/[\s\u3000]+/g, '');
  }
  const locAt = (index: number): Location | undefined => {
    let found: Location | undefined;
    for (const s of starts) {
      if (s.at > index) break;
      found = s.loc;
    }
    return found;
  };
  const claims: ChangeClaim[] = [];
  const taken = new Set<string>();
  for (const shape of SHAPES) {
    const global = new RegExp(shape.re.source, 'gu');
    for (const m of text.matchAll(global)) {
      const index = m.index ?? 0;
      const [, a, b, c] = m;
      const currentText = shape.current ? a : undefined;
      const direction = shape.current ? b : a;
      const changeText = shape.current ? c : b;
      const change = changeText ? amount(changeText) : undefined;
      const loc = locAt(index);
      if (!change || !direction || !loc) continue;
      const current = currentText ? amount(currentText) : undefined;
      // One claim per item: the first, the overview's (later sentences repeat it by fund or class).
      if (taken.has(shape.item)) continue;
      taken.add(shape.item);
      claims.push({ item: shape.item, ...(current ? { current } : {}), change: { ...change, sign: direction === '减少' ? -1 : 1 }, sentence: m[0], loc });
    }
  }
  return claims;
}
