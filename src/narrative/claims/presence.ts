import { threePublicItem } from '../bind.js';
import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Extractor } from './context.js';

/** 三公 figures and their details: spending on an item goes with groups/vehicles, and none without. */
export interface PresenceClaim extends ClaimBase {
  kind: 'presence';
  amount: Side;
  count: Num;
  item: string;
}

/** 因公出国费 X，团组N个；公务接待费 X，接待团组N个；公务用车 … 保有量N辆. */
export const presence: Extractor<PresenceClaim> = {
  kind: 'presence',
  rule: 'narrative-presence',
  extract(at, _ctx, emit) {
    const { s, nums, scope } = at;
    if (scope !== 'three-public') return;
    const money = nums.find((n) => n.kind === 'money');
    if (!money) return;
    const item = threePublicItem(at.subject(money)) ?? threePublicItem(s.text.slice(0, money.start));
    const count = nums.find((n) => n.kind === 'count' && n.start > money.start && /团组|辆/.test(s.text.slice(Math.max(0, n.start - 8), n.end)));
    if (!item || !count || !['abroad', 'reception', 'vehicle', 'operation'].includes(item)) return;
    const others = nums.filter((n) => n.kind === 'count' && n !== count && /人次|人/.test(n.unit) && n.start > count.start);
    const column = item === 'vehicle' || item === 'operation' ? 'actual-operation' : `actual-${item}`;
    emit({
      kind: 'presence',
      key: claimKey('presence', [money, count]),
      sentence: s,
      uses: [count, ...others],
      amount: { source: 'text', num: money },
      count,
      item: column,
    });
  },
};
