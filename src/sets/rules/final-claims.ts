import { D, type Dec } from '../../model/number.js';
import { percentVerdict } from '../../narrative/intervals.js';
import type { ChangeClaim } from '../claims.js';
import type { DigestCell, DocumentDigest } from '../digest.js';
import { agree, impliedLastYear } from './compare.js';
import type { SetResult, SetRule } from './types.js';

const HUNDRED = new D(100);

/** The rate a change of `now` on `before` makes, in %, over the two figures' intervals (before > 0). */
function rate(now: { value: Dec; half: Dec }, before: { value: Dec; half: Dec }): { exact: Dec; lo: Dec; hi: Dec } | undefined {
  const baseLo = before.value.minus(before.half);
  if (baseLo.lte(0)) return undefined;
  const baseHi = before.value.plus(before.half);
  const diff = now.value.minus(before.value);
  const radius = now.half.plus(before.half);
  const [dLo, dHi] = [diff.minus(radius), diff.plus(radius)];
  // A negative change is largest in size on the smallest base, a positive one too.
  return {
    exact: diff.div(before.value).times(HUNDRED),
    lo: dLo.div(dLo.lt(0) ? baseLo : baseHi).times(HUNDRED),
    hi: dHi.div(dHi.lt(0) ? baseHi : baseLo).times(HUNDRED),
  };
}

const word = (sign: 1 | -1, kind: 'change' | 'rate') =>
  kind === 'change' ? (sign > 0 ? { zh: '增加', en: 'up' } : { zh: '减少', en: 'down' }) : sign > 0 ? { zh: '增长', en: 'up' } : { zh: '下降', en: 'down' };

function checkClaim(doc: DocumentDigest, other: DocumentDigest, claim: ChangeClaim): SetResult[] {
  const before: DigestCell | undefined = other.cells[claim.item];
  const own = doc.cells[claim.item];
  const now = claim.current ?? own;
  if (!before || !now) return [];
  const label = before.label;
  const otherName = { zh: `${other.year ?? ''}年决算（${other.source}）`, en: `the ${other.year ?? ''} final accounts (${other.source})` };
  const said = { zh: `${doc.year ?? ''}年决算说明称${label.zh}${now.text}万元`, en: `the ${doc.year ?? ''} narrative states ${label.en} of ${now.text} (10k yuan)` };
  const results: SetResult[] = [];
  if (claim.change) {
    const { sign, text } = claim.change;
    const { value: stated, printed } = impliedLastYear(now, claim.change);
    const w = word(sign, 'change');
    results.push(
      agree(
        claim.key,
        printed,
        before,
        {
          zh: `${said.zh}、比上年${w.zh}${text}万元，即上年为${stated.toFixed(2)}万元；${otherName.zh}${label.zh}为${before.text}万元`,
          en: `${said.en}, ${w.en} ${text} on last year, so last year ${stated.toFixed(2)}; ${otherName.en} prints ${before.text}`,
        },
        [claim.loc, before.loc],
      ),
    );
  }
  if (claim.percent) {
    const r = rate({ value: new D(now.value), half: new D(now.half) }, { value: new D(before.value), half: new D(before.half) });
    if (r) {
      const { sign, text } = claim.percent;
      const printed = new D(claim.percent.value).times(sign);
      const half = new D(claim.percent.half);
      const verdict = percentVerdict(r.exact, { lo: r.lo, hi: r.hi }, printed, half);
      const w = word(sign, 'rate');
      const computed = r.exact.toFixed(2);
      results.push({
        key: `${claim.key}/percent`,
        // A rate reached only by cutting digits is narrative-change's to report; here it agrees within rounding.
        status: verdict === 'pass' ? 'pass' : verdict === 'fail' ? 'fail' : 'rounding',
        message: {
          zh: `${said.zh}、比上年${w.zh}${text}%；按${otherName.zh}${label.zh}${before.text}万元计算为${computed}%`,
          en: `${said.en}, ${w.en} ${text}% on last year; ${otherName.en} prints ${before.text}, which gives ${computed}%`,
        },
        locations: [claim.loc, before.loc],
        expected: printed.toString(),
        actual: computed,
        difference: r.exact.minus(printed).toFixed(2),
        tolerance: half.toString(),
      });
    }
  }
  return results;
}

/**
 * 决算 ↔ last year's 决算: each 比上年 claim of the 说明 about a figure the tables print says what
 * last year's 决算 printed in the same cell (this year's figure less the change; the rate against
 * that figure); last year's tables must bear it out.
 */
export const finalPreviousClaims: SetRule = {
  id: 'set-final-claims',
  title: { zh: '决算说明“比上年”增减与上年决算一致', en: 'Final accounts year-on-year changes agree with last year’s final accounts' },
  severity: 'error',
  kind: 'final',
  partner: 'previous',
  check(doc, other) {
    return doc.claims.flatMap((claim) => checkClaim(doc, other, claim));
  },
};
