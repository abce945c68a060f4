import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import { ACTUAL, BUDGET } from './sentence.js';

/** 决算数大于/小于/等于/持平 年初预算数. */
export interface DirectionClaim extends ClaimBase {
  kind: 'direction';
  word: 'gt' | 'lt' | 'eq' | 'flat';
  printed: string;
  budget: Num;
  actual: Num;
}

const DIRECTION = /决算数?(大于|小于|等于|高于|低于|超过)(年初)?预算数?|决算数?与(年初)?预算数?(基本)?(持平|相等|一致)|(基本持平)/;

/** 决算数大于/小于/等于/持平 预算数, against the figures of the item. */
export const direction: Extractor<DirectionClaim> = {
  kind: 'direction',
  rule: 'narrative-direction',
  extract(at, ctx, emit) {
    const { s, text } = at;
    const m = DIRECTION.exec(text);
    if (!m) return;
    const word = m[1] ?? m[4] ?? m[5] ?? '';
    const budget = at.lastMoney(m.index, BUDGET) ?? ctx.item?.budget;
    const actual = at.lastMoney(m.index, ACTUAL) ?? ctx.item?.actual;
    if (!budget || !actual) return;
    // “比年初预算数增加1.21万元，基本持平” compares a change, not the item: left to the change claim.
    if (/比(年初)?预算数?(增加|减少)/.test(text.slice(0, m.index))) return;
    const kind = /大于|高于|超过/.test(word) ? 'gt' : /小于|低于/.test(word) ? 'lt' : /等于|相等|一致/.test(word) ? 'eq' : 'flat';
    emit({ kind: 'direction', key: claimKey('direction', [budget, actual]), sentence: s, uses: [budget, actual], word: kind, printed: m[0], budget, actual });
  },
};
