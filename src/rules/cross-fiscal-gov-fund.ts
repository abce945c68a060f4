import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';
import { FISCAL_COLUMN_MESSAGES } from './support/fiscal-column.js';

/** 财政拨款收入支出决算总表 政府性基金预算财政拨款 column = 政府性基金预算财政拨款收入支出决算表 本年支出 (合计 and per 类). */
export const crossFiscalGovFund: Rule = {
  meta: {
    id: 'cross-fiscal-gov-fund',
    title: { zh: '财政拨款总表与政府性基金预算财政拨款收入支出决算表一致', en: 'Fiscal summary agrees with the government fund table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['fiscal-income-expense', 'gov-fund'],
    messages: FISCAL_COLUMN_MESSAGES,
  },
  check: formulaCheck('cross-fiscal-gov-fund'),
};
