import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';
import { FISCAL_COLUMN_MESSAGES } from './support/fiscal-column.js';

/** 财政拨款收入支出决算总表 一般公共预算 column = 一般公共预算财政拨款支出决算表 (合计 and per 类). */
export const crossFiscalGeneral: Rule = {
  meta: {
    id: 'cross-fiscal-general',
    title: { zh: '财政拨款总表与一般公共预算财政拨款支出决算表一致', en: 'Fiscal summary agrees with the general public budget expenditure table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['fiscal-income-expense', 'general-budget-expense'],
    messages: FISCAL_COLUMN_MESSAGES,
  },
  check: formulaCheck('cross-fiscal-general'),
};
