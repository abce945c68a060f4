import type { CheckResult } from '../model/finding.js';
import { interval, percentOf } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import { claimsOfKind } from './support/narrative.js';
import { PERCENT_MESSAGES, percentResult } from './support/percent.js';

/**
 * Counts with a rate (受理469件…结案440件，结案率92.1%): the rate recomputes from the counts. The text
 * rarely defines the base (cases carried over may count), so a mismatch is a warning to look at.
 */
export const narrativeRate: Rule = {
  meta: {
    id: 'narrative-rate',
    title: { zh: '件数与比率可复算', en: 'Counted rates recompute' },
    severity: 'warning',
    tags: ['narrative'],
    tables: [],
    messages: {
      ...PERCENT_MESSAGES,
      fail: {
        zh: '{subject}：文中 {printed}，按所列件数计算为 {computed}（若比率另有口径，请在文中说明）',
        en: '{subject}: printed {printed}, the counts give {computed} (if the rate has another base, say so in the text)',
      },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'rate')) {
      const range = percentOf(interval(claim.done.value, claim.done.half), interval(claim.base.value, claim.base.half));
      if (!range || claim.base.value.isZero()) continue;
      const exact = claim.done.value.div(claim.base.value).times(100);
      const subject = { zh: `比率（${claim.done.text} / ${claim.base.text}）`, en: `the rate (${claim.done.text} / ${claim.base.text})` };
      const result = percentResult(claim, claim.percent, exact, range, { subject }, [claim.percent.loc, claim.base.loc, claim.done.loc]);
      results.push(result.status === 'fail' ? { ...result, severity: 'warning' } : result);
    }
    return results;
  },
};
