import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import type { SentenceAt } from './sentence.js';

/** 受理N件…结案M件，结案率R%. */
export interface RateClaim extends ClaimBase {
  kind: 'rate';
  base: Num;
  done: Num;
  percent: Num;
}

const RATE = /(结案率|办结率|完成率)达?$/;
const RECEIVED = (subject: string): boolean => /受理|立案|收到|登记/.test(subject);

/** A count of cases received: 受理/立案/收到/登记 in its subject, or 受理/立案 just before it. */
const received = (at: SentenceAt, n: Num): boolean => at.is('received', n, RECEIVED) || /受理|立案/.test(at.text.slice(Math.max(0, n.start - 20), n.start));

/** 受理N件…结案M件，结案率R%. */
export const rate: Extractor<RateClaim> = {
  kind: 'rate',
  rule: 'narrative-rate',
  extract(at, _ctx, emit) {
    const { s, nums } = at;
    for (const p of at.percents) {
      if (at.full) return;
      if (!RATE.test(s.text.slice(Math.max(0, p.start - 5), p.start))) continue;
      const counts = nums.filter((n) => n.kind === 'count' && n.start < p.start && n.unit === '件');
      at.work.steps += nums.length;
      const base = counts.find((n) => received(at, n));
      const done = [...counts].reverse().find((n) => /结案|办结|完成/.test(s.text.slice(Math.max(0, n.start - 6), n.start)));
      if (!base || !done || base === done) continue;
      emit({ kind: 'rate', key: claimKey('rate', [p]), sentence: s, uses: [base, done, p], base, done, percent: p });
    }
  },
};
