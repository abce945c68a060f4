import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 收入支出决算总表: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余;
 * 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
 */
export const incomeExpenseGrandTotals: Rule = {
  meta: {
    id: 'income-expense-grand-totals',
    title: { zh: '收入支出决算总表收入总计、支出总计', en: 'Summary table: grand totals of income and expenditure' },
    severity: 'error',
    tags: ['table'],
    tables: ['income-expense'],
    messages: {
      income: {
        zh: '{table}收入“总计”应等于本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
        en: '{table}: income grand total must equal income of the year + use of non-appropriation surplus + carried forward at start',
      },
      expense: {
        zh: '{table}支出“总计”应等于本年支出合计 + 结余分配 + 年末结转和结余',
        en: '{table}: expenditure grand total must equal expenditure of the year + distribution of surplus + carried forward at end',
      },
    },
  },
  check: formulaCheck('income-expense-grand-totals'),
};
