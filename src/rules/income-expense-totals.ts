import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 收入支出决算总表: 本年收入合计 = Σ 收入项目; 本年支出合计 = Σ 支出功能分类 类. */
export const incomeExpenseTotals: Rule = {
  meta: {
    id: 'income-expense-totals',
    title: { zh: '收入支出决算总表本年收入、支出合计', en: 'Summary table: income and expenditure totals of the year' },
    severity: 'error',
    tags: ['table'],
    tables: ['income-expense'],
    messages: {
      income: { zh: '{table}“本年收入合计”应等于各项收入之和', en: '{table}: “total income of the year” must equal the sum of the income items' },
      expense: { zh: '{table}“本年支出合计”应等于各类支出之和', en: '{table}: “total expenditure of the year” must equal the sum of the expenditure classes' },
    },
  },
  check: formulaCheck('income-expense-totals'),
};
