import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 基本支出决算表 lines of the 三公 kinds may not exceed the 三公 决算数 (basic spending is part of
 * all appropriation spending): 30212 ≤ 因公出国(境), 30217 ≤ 公务接待, 30231 ≤ 公务用车运行维护,
 * 31013 ≤ 公务用车购置. When the vehicle split is not printed, 30231 + 31013 ≤ 公务用车小计.
 */
export const crossThreePublicBasic: Rule = {
  meta: {
    id: 'cross-three-public-basic',
    title: { zh: '基本支出中的“三公”科目不超过“三公”经费决算数', en: 'Basic-expenditure “three public” lines do not exceed the three-public table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['general-budget-basic', 'three-public'],
    messages: {
      line: {
        zh: '{basic} {code} {name} 不应超过{three}决算数“{item}”',
        en: '{basic} line {code} {name} must not exceed the {three} actual “{item}”',
      },
      vehicle: {
        zh: '{basic} 30231 公务用车运行维护费不应超过{three}决算数“公务用车购置及运行维护费”减去 31013 公务用车购置',
        en: '{basic} line 30231 must not exceed the {three} actual official-vehicle subtotal less line 31013',
      },
    },
  },
  check: formulaCheck('cross-three-public-basic'),
};

