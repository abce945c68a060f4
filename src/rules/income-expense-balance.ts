import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 收入支出决算总表: 收入总计 = 支出总计 (收支平衡). */
export const incomeExpenseBalance: Rule = {
  meta: {
    id: 'income-expense-balance',
    title: { zh: '收入支出决算总表收支平衡', en: 'Summary table: income and expenditure balance' },
    severity: 'error',
    tags: ['table'],
    tables: ['income-expense'],
    messages: {
      balance: { zh: '{table}收入总计与支出总计应相等', en: '{table}: income grand total must equal expenditure grand total' },
    },
  },
  check: formulaCheck('income-expense-balance'),
};
