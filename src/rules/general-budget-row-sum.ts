import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 一般公共预算财政拨款支出决算表, per row: 合计 = 基本支出 + 项目支出. */
export const generalBudgetRowSum: Rule = {
  meta: {
    id: 'general-budget-row-sum',
    title: { zh: '一般公共预算财政拨款支出决算表各行基本与项目支出合计', en: 'General public budget expenditure: row total equals basic + project' },
    severity: 'error',
    tags: ['table'],
    tables: ['general-budget-expense'],
    messages: {
      rowSum: { zh: '{table} {row}：“{total}”应等于 {parts}', en: '{table}, {row}: “{total}” must equal {parts}' },
    },
  },
  check: formulaCheck('general-budget-row-sum'),
};
