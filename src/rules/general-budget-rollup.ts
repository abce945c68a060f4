import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 一般公共预算财政拨款支出决算表: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项. */
export const generalBudgetRollup: Rule = {
  meta: {
    id: 'general-budget-rollup',
    title: { zh: '一般公共预算财政拨款支出决算表类款项汇总', en: 'General public budget expenditure table roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['general-budget-expense'],
    messages: {
      rollup: {
        zh: '{table} {row}“{column}”应等于其下级科目之和',
        en: '{table}, {row}, column “{column}” must equal the sum of its sub-items',
      },
    },
  },
  check: formulaCheck('general-budget-rollup'),
};
