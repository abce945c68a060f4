import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 部门预算 tables by 功能科目 or 经济科目: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项. */
export const budgetRollup: Rule = {
  meta: {
    id: 'budget-rollup',
    title: { zh: '部门预算科目表类款项汇总', en: 'Budget tables by 科目: roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['budget-fiscal-expense', 'budget-fiscal-basic', 'budget-general-expense', 'budget-general-basic', 'budget-gov-fund', 'budget-running'],
    messages: {
      sum: { zh: '{table}：{what}', en: '{table}: {what}' },
    },
  },
  check: formulaCheck('budget-rollup'),
};
