import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 部门预算 财政拨款收支预算总表: 收入合计 = 一般公共预算 + 政府性基金预算; 支出合计 = 基本 + 项目 + 单位预留机动经费; 收入合计 = 支出合计. */
export const budgetFiscalTotals: Rule = {
  meta: {
    id: 'budget-fiscal-totals',
    title: { zh: '部门预算财政拨款收支预算总表合计', en: 'Budget fiscal appropriation summary: totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['budget-fiscal-summary'],
    messages: {
      sum: { zh: '{table}：{what}', en: '{table}: {what}' },
    },
  },
  check: formulaCheck('budget-fiscal-totals'),
};
