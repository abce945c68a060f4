import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 部门预算 收支预算总表, 收入预算总表, 支出预算总表: each total equals its parts, 收入合计 = 支出合计. */
export const budgetSummaryTotals: Rule = {
  meta: {
    id: 'budget-summary-totals',
    title: { zh: '部门预算收支、收入、支出预算总表合计', en: 'Budget summary tables: totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['budget-summary', 'budget-income', 'budget-expense'],
    messages: {
      sum: { zh: '{table}：{what}', en: '{table}: {what}' },
    },
  },
  check: formulaCheck('budget-summary-totals'),
};
