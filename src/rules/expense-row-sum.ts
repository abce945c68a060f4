import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 支出决算表, per row: 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助. */
export const expenseRowSum: Rule = {
  meta: {
    id: 'expense-row-sum',
    title: { zh: '支出决算表各行基本支出与项目支出合计', en: 'Expenditure table: row total equals basic + project (+ other) columns' },
    severity: 'error',
    tags: ['table'],
    tables: ['expense'],
    messages: {
      rowSum: { zh: '{table} {row}：“{total}”应等于 {parts}', en: '{table}, {row}: “{total}” must equal {parts}' },
    },
  },
  check: formulaCheck('expense-row-sum'),
};
