import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { claimsOfKind, narrativeResult } from './support/narrative.js';

/**
 * The 三公 details go with the spending: 因公出国 spending with groups sent abroad, 公务接待 spending
 * with groups received, vehicle running costs with vehicles kept — and none without.
 */
export const narrativePresence: Rule = {
  meta: {
    id: 'narrative-presence',
    title: { zh: '“三公”支出与团组、车辆数相符', en: '“Three public” spending agrees with groups and vehicles' },
    severity: 'warning',
    tags: ['narrative'],
    tables: [],
    messages: {
      spendingWithout: { zh: '文中支出 {amount}，却称团组/车辆为 {count}', en: 'The text gives spending of {amount}, yet {count} groups/vehicles' },
      withoutSpending: { zh: '文中称团组/车辆 {count}，支出却为 {amount}', en: 'The text gives {count} groups/vehicles, yet spending of {amount}' },
      ok: { zh: '支出 {amount} 与 {count} 相符', en: 'Spending {amount} agrees with {count}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'presence')) {
      if (claim.amount.source !== 'text') continue;
      const spent = !claim.amount.num.value.isZero();
      const counted = !claim.count.value.isZero();
      const params = { amount: claim.amount.num.text, count: claim.count.text };
      const locations = [claim.amount.num.loc, claim.count.loc];
      if (spent === counted) results.push(narrativeResult(claim, 'pass', 'ok', params, locations));
      else results.push(narrativeResult(claim, 'fail', spent ? 'spendingWithout' : 'withoutSpending', params, locations));
    }
    return results;
  },
};
