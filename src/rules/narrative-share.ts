import { inLang, type CheckResult } from '../model/finding.js';
import { interval, percentOf } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import { claimsOfKind, narrativeResult, sideName, valueOf } from './support/narrative.js';
import { PERCENT_MESSAGES, percentResult } from './support/percent.js';

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
      const range = percentOf(interval(part.value.value, part.value.half), interval(whole.value.value, whole.value.half));
      if (!range || whole.value.value.isZero()) {
        const reason = { zh: '分母为零', en: 'the whole is zero' };
        results.push(narrativeResult(claim, 'skipped', 'skipped', { ...names, reason }, [claim.percent.loc], { reason }));
        continue;
      }
      const exact = part.value.value.div(whole.value.value).times(100);
      const subject = { zh: `${inLang(names.part, 'zh')}占${inLang(names.whole, 'zh')}的比例`, en: `the share of ${inLang(names.part, 'en')} in ${inLang(names.whole, 'en')}` };
      results.push(percentResult(claim, claim.percent, exact, range, { subject }, [claim.percent.loc, part.value.loc, whole.value.loc]));
    }
    return results;
  },
};
