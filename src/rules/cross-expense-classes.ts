import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 收入支出决算总表 expense side against the 支出决算表: 本年支出合计 with its 合计 row, and each
 * 类 with the class row of the same code (a class printed in only one table must be zero there).
 */
export const crossExpenseClasses: Rule = {
  meta: {
    id: 'cross-expense-classes',
    title: { zh: '收入支出决算总表与支出决算表一致', en: 'Summary table expenditure agrees with the expenditure table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['income-expense', 'expense'],
    messages: {
      total: { zh: '{summary}“本年支出合计”应与{expense}合计一致', en: '{summary} total expenditure must agree with the {expense} total' },
      class: { zh: '{summary}“{name}”应与{expense} {code} 类合计一致', en: '{summary} “{name}” must agree with class {code} of the {expense}' },
    },
  },
  check: formulaCheck('cross-expense-classes'),
};
