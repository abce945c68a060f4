import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 财政拨款支出决算表 (central 高校), per row: 合计 = 基本支出 + 项目支出. */
export const fiscalExpenseRowSum: Rule = {
  meta: {
    id: 'fiscal-expense-row-sum',
    title: { zh: '财政拨款支出决算表各行基本支出与项目支出合计', en: 'Appropriation expenditure table: row total equals basic + project' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-expense'],
    messages: {
      rowSum: { zh: '{table} {row}：“{total}”应等于 {parts}', en: '{table}, {row}: “{total}” must equal {parts}' },
    },
  },
  check: formulaCheck('fiscal-expense-row-sum'),
};
