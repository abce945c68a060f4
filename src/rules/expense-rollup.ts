import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 支出决算表: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every expenditure column. */
export const expenseRollup: Rule = {
  meta: {
    id: 'expense-rollup',
    title: { zh: '支出决算表类款项汇总', en: 'Expenditure table class/section/item roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['expense'],
    messages: {
      rollup: {
        zh: '{table} {row}“{column}”应等于其下级科目之和',
        en: '{table}, {row}, column “{column}” must equal the sum of its sub-items',
      },
    },
  },
  check: formulaCheck('expense-rollup'),
};
