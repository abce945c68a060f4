import type { CheckResult, MessageParam } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { percentVerdict, type Interval } from '../../narrative/intervals.js';
import type { Claim } from '../../narrative/claims/index.js';
import type { Num } from '../../narrative/numbers.js';
import type { Dec } from '../../model/number.js';
import { narrativeResult } from './narrative.js';

/**
 * A printed percentage against the value computed from the printed amounts: pass when it rounds
 * to it, a rounding note when only the amounts' intervals reach it, a warning when it was cut off
 * rather than rounded, an error otherwise. Messages: `ok`, `rounding`, `truncated`, `fail`.
 */
export function percentResult(
  claim: Claim,
  printed: Num,
  exact: Dec,
  range: Interval,
  params: Record<string, MessageParam>,
  locations: Location[],
): CheckResult {
  const verdict = percentVerdict(exact, range, printed.value, printed.half);
  const computed = exact.toDecimalPlaces(Math.max(2, printed.decimals + 2)).toFixed();
  const all = { ...params, printed: printed.text, computed: `${computed}%` };
  const numbers = { expected: exact.toDecimalPlaces(6), actual: printed.value, difference: printed.value.minus(exact).toDecimalPlaces(6), tolerance: printed.half };
  switch (verdict) {
    case 'pass':
      return narrativeResult(claim, 'pass', 'ok', all, locations, numbers);
    case 'rounding':
      return narrativeResult(claim, 'rounding', 'rounding', all, locations, numbers);
    case 'truncated':
      return narrativeResult(claim, 'fail', 'truncated', all, locations, { ...numbers, severity: 'warning' });
    case 'fail':
      return narrativeResult(claim, 'fail', 'fail', all, locations, numbers);
    default: {
      const never: never = verdict;
      return never;
    }
  }
}

const holds = (r: CheckResult): boolean => r.status === 'pass' || r.status === 'rounding';

/**
 * A rate checked under each reading of its figures, the figures as printed first (see
 * `readings`): the first result under which it holds, else the first result. Attempts run
 * lazily, as most rates hold as printed; an attempt that cannot compute gives undefined.
 */
export function firstHolding(attempts: ReadonlyArray<() => CheckResult | undefined>): CheckResult | undefined {
  let first: CheckResult | undefined;
  for (const attempt of attempts) {
    const r = attempt();
    if (r && holds(r)) return r;
    first ??= r;
  }
  return first;
}

export const PERCENT_MESSAGES = {
  rounding: {
    zh: '{subject}：文中 {printed}，按金额计算为 {computed}，在金额尾数误差范围内可舍入为 {printed}（尾数误差）',
    en: '{subject}: printed {printed}, computed {computed} from the amounts; within their rounding it can round to {printed}',
  },
  truncated: {
    zh: '{subject}：文中 {printed}，按金额计算为 {computed}，是截断而非四舍五入所得',
    en: '{subject}: printed {printed}, computed {computed} from the amounts: truncated, not rounded',
  },
  fail: {
    zh: '{subject}：文中 {printed}，按金额计算应为 {computed}',
    en: '{subject}: printed {printed}, but the amounts give {computed}',
  },
  ok: { zh: '{subject}：{printed} 与按金额计算的 {computed} 一致', en: '{subject}: {printed} agrees with {computed} computed from the amounts' },
} as const;
