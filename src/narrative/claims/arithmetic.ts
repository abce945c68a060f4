import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';

/** 绩效 items: 金额A，调减B，实际支出C，结余结转D: A − B = C + D. */
export interface ArithmeticClaim extends ClaimBase {
  kind: 'arithmetic';
  amount: Num;
  adjust?: Num;
  rise: boolean;
  spent: Num;
  balance?: Num;
}

/** 绩效 project lines: 金额A，(年中执行)调减/调增B，实际支出C，结余结转D. */
export const arithmetic: Extractor<ArithmeticClaim> = {
  kind: 'arithmetic',
  rule: 'narrative-arithmetic',
  extract(at, _ctx, emit) {
    const { s, money } = at;
    const find = (re: RegExp) => money.find((n) => re.test(at.subject(n)));
    const amount = find(/金额$/);
    const spent = find(/实际支出$/);
    if (!amount || !spent || spent.start < amount.start) return;
    const adjust = find(/调(减|增)$|追加$/);
    const balance = find(/(结余结转|结转结余|结余|结转)$/);
    const rise = adjust ? /调增|追加/.test(at.subject(adjust)) : false;
    const uses = [amount, spent, ...(adjust ? [adjust] : []), ...(balance ? [balance] : [])];
    emit({
      kind: 'arithmetic',
      key: claimKey('arithmetic', uses),
      sentence: s,
      uses,
      amount,
      rise,
      spent,
      ...(adjust ? { adjust } : {}),
      ...(balance ? { balance } : {}),
    });
  },
};
