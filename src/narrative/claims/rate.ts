import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { Extractor } from './context.js';
import { subjectBefore } from './subject.js';

/** 受理N件…结案M件，结案率R%. */
export interface RateClaim extends ClaimBase {
  kind: 'rate';
  base: Num;
  done: Num;
  percent: Num;
}

const RATE = /(结案率|办结率|完成率)达?$/;

/** 受理N件…结案M件，结案率R%. */
export const rate: Extractor<RateClaim> = {
  kind: 'rate',
  rule: 'narrative-rate',
  extract({ s, nums }, _ctx, emit) {
    for (const p of nums) {
      if (p.kind !== 'percent' || !RATE.test(s.text.slice(Math.max(0, p.start - 5), p.start))) continue;
      const counts = nums.filter((n) => n.kind === 'count' && n.start < p.start && n.unit === '件');
      const base = counts.find((n) => /受理|立案|收到|登记/.test(subjectBefore(s, n)) || /受理|立案/.test(s.text.slice(Math.max(0, n.start - 20), n.start)));
      const done = [...counts].reverse().find((n) => /结案|办结|完成/.test(s.text.slice(Math.max(0, n.start - 6), n.start)));
      if (!base || !done || base === done) continue;
      emit({ kind: 'rate', key: claimKey('rate', [p]), sentence: s, uses: [base, done, p], base, done, percent: p });
    }
  },
};
