import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';
import { FISCAL_COLUMN_MESSAGES } from './support/fiscal-column.js';

/** 财政拨款收入支出决算总表 国有资本经营预算财政拨款 column = 国有资本经营预算财政拨款支出决算表 本年支出 (合计 and per 类). */
export const crossFiscalStateCapital: Rule = {
  meta: {
    id: 'cross-fiscal-state-capital',
    title: { zh: '财政拨款总表与国有资本经营预算财政拨款支出决算表一致', en: 'Fiscal summary agrees with the state capital table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['fiscal-income-expense', 'state-capital'],
    messages: FISCAL_COLUMN_MESSAGES,
  },
  check: formulaCheck('cross-fiscal-state-capital'),
};
