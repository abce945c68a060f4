import { inLang, type CheckResult, type Localized } from '../model/finding.js';
import type { ShareClaim } from '../narrative/claims/share.js';
import { interval, percentOf } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import { claimsOfKind, narrativeResult, readings, sideName, valueOf, type Value } from './support/narrative.js';
import { firstHolding, PERCENT_MESSAGES, percentResult } from './support/percent.js';

/**
 * 占X%: the printed share recomputes from the part and the whole (named after 占, or the total
 * that leads the sentence), within the rounding of the printed figures.
 */
export const narrativeShare: Rule = {
  meta: {
    id: 'narrative-share',
    title: { zh: '情况说明中的占比可由金额复算', en: 'Narrative shares recompute from the amounts' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      ...PERCENT_MESSAGES,
      subject: { zh: '{part}占{whole}的比例', en: 'the share of {part} in {whole}' },
      skipped: { zh: '{part}占{whole}的比例未能复算（{reason}）', en: 'the share of {part} in {whole} could not be recomputed ({reason})' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'share')) {
      const names = { part: sideName(claim.part), whole: sideName(claim.whole) };
      const part = valueOf(doc, claim.part);
      const whole = valueOf(doc, claim.whole);
      if (!part.ok || !whole.ok) {
        const reason = !part.ok ? part.reason : !whole.ok ? whole.reason : { zh: '', en: '' };
        results.push(narrativeResult(claim, 'skipped', 'skipped', { ...names, reason }, [claim.percent.loc], { reason }));
        continue;
      }
      // When a printed figure misstates its table cell (narrative-amount's finding), the share may hold against the table's.
      const parts = claim.part.source === 'text' ? readings(doc, claim.part.num) : [part.value];
      const wholes = claim.whole.source === 'text' ? readings(doc, claim.whole.num) : [whole.value];
      const subject = { zh: `${inLang(names.part, 'zh')}占${inLang(names.whole, 'zh')}的比例`, en: `the share of ${inLang(names.part, 'en')} in ${inLang(names.whole, 'en')}` };
      const result = firstHolding(parts.flatMap((p) => wholes.map((w) => () => share(claim, p, w, subject))));
      if (result) {
        results.push(result);
        continue;
      }
      const reason = { zh: '分母为零', en: 'the whole is zero' };
      results.push(narrativeResult(claim, 'skipped', 'skipped', { ...names, reason }, [claim.percent.loc], { reason }));
    }
    return results;
  },
};

/** The printed share against part / whole, in one reading of the two; undefined for a zero whole. */
function share(claim: ShareClaim, part: Value, whole: Value, subject: Localized): CheckResult | undefined {
  const range = percentOf(interval(part.value, part.half), interval(whole.value, whole.half));
  if (!range || whole.value.isZero()) return undefined;
  const exact = part.value.div(whole.value).times(100);
  return percentResult(claim, claim.percent, exact, range, { subject }, [claim.percent.loc, part.loc, whole.loc]);
}
