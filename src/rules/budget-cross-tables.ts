import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 部门预算: the summary tables agree with each other and with the tables that detail them (财政拨款 columns = the 功能科目 and 经济科目 tables). */
export const budgetCrossTables: Rule = {
  meta: {
    id: 'budget-cross-tables',
    title: { zh: '部门预算各表之间一致', en: 'Budget tables agree with each other' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['budget-summary', 'budget-fiscal-summary'],
    messages: {
      agree: { zh: '{what}', en: '{what}' },
    },
  },
  check: formulaCheck('budget-cross-tables'),
};
