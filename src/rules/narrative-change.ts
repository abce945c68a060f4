import type { CheckResult } from '../model/finding.js';
import { D } from '../model/number.js';
import { changeRate, interval } from '../narrative/intervals.js';
import type { Rule } from './types.js';
import { FLAT_SHARE } from './narrative-direction.js';
import type { ChangeClaim } from '../narrative/claims/change.js';
import type { Num } from '../narrative/numbers.js';
import { claimsOfKind, money2, narrativeResult, readings, type Value } from './support/narrative.js';
import { firstHolding, PERCENT_MESSAGES, percentResult } from './support/percent.js';

/**
 * 与上年相比，增加/减少A万元，增长/下降B%: B recomputes from A and the base implied by the current
 * figure (current − A for a rise, current + A for a fall); 增加…下降 contradicts itself; a change
 * called 基本持平 must be small against its base.
 */
export const narrativeChange: Rule = {
  meta: {
    id: 'narrative-change',
    title: { zh: '增减额与增减率可由上年数复算', en: 'Year-on-year changes recompute' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      ...PERCENT_MESSAGES,
      contradictory: { zh: '文中同一变动既称增加又称下降（或反之）：{change}、{printed}', en: 'The same change is called both a rise and a fall: {change}, {printed}' },
      flat: { zh: '文中称变动 {change} “基本持平”，但它占比较基数的 {share}', en: 'A change of {change} is called “about level”, but it is {share} of its base' },
      flatOk: { zh: '变动 {change} “基本持平”', en: 'A change of {change} is about level' },
      skipped: { zh: '增减率 {printed} 未能复算（{reason}）', en: 'The rate {printed} could not be recomputed ({reason})' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const claim of claimsOfKind(doc, 'change')) {
      const locations = [claim.change.loc, claim.current.loc, ...(claim.percent ? [claim.percent.loc] : [])];
      if (claim.contradictory && claim.percent) {
        results.push(narrativeResult(claim, 'fail', 'contradictory', { change: claim.change.text, printed: claim.percent.text }, locations));
        continue;
      }
      const base = claim.rise ? claim.current.value.minus(claim.change.value) : claim.current.value.plus(claim.change.value);
      if (claim.flat) {
        const share = base.isZero() ? new D(1) : claim.change.value.div(base.abs());
        const ok = share.lte(FLAT_SHARE);
        results.push(
          narrativeResult(claim, ok ? 'pass' : 'fail', ok ? 'flatOk' : 'flat', { change: claim.change.text, share: `${share.times(100).toFixed(1)}%` }, locations, {
            ...(ok ? {} : { severity: 'warning' as const }),
            expected: base,
            actual: claim.change.value,
          }),
        );
      }
      const percent = claim.percent;
      if (!percent) continue;
      // The printed current figure first; when it misstates its table cell (reported by
      // narrative-amount), the rate may still hold against the table's figure.
      // When the current figure misstates its table cell (narrative-amount's finding), the rate may hold against the table's.
      const result = firstHolding(readings(doc, claim.current).map((current) => () => rate(claim, percent, current, current.loc !== claim.current.loc)));
      if (result) results.push(result);
    }
    return results;
  },
};

/** The printed rate of a change against the base implied by one reading of the current figure. */
function rate(claim: ChangeClaim, percent: Num, current: Value, fromTable: boolean): CheckResult {
  const locations = [claim.change.loc, current.loc, percent.loc];
  const base = claim.rise ? current.value.minus(claim.change.value) : current.value.plus(claim.change.value);
  const range = changeRate(interval(claim.change.value, claim.change.half), interval(current.value, current.half), claim.rise);
  if (!range || base.lte(0)) {
    const reason = { zh: '比较基数不为正', en: 'the base is not positive' };
    return narrativeResult(claim, 'skipped', 'skipped', { printed: percent.text, reason }, locations, { reason });
  }
  const exact = claim.change.value.div(base).times(100);
  const word = claim.rise ? { zh: '增长', en: 'rise' } : { zh: '下降', en: 'fall' };
  const source = fromTable ? { zh: `表中本期数 ${current.text}`, en: `the table's current figure ${current.text}` } : { zh: `本期 ${current.text}`, en: current.text };
  const subject = {
    zh: `${word.zh}率（${claim.change.text} / 比较基数 ${money2(base)}万元，由${source.zh} 推得）`,
    en: `the rate of ${word.en} (${claim.change.text} / base ${money2(base)}万元 implied by ${source.en})`,
  };
  return percentResult(claim, percent, exact, range, { subject }, locations);
}
