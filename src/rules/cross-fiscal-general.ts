import type { Rule } from './types.js';
import { FISCAL_COLUMN_MESSAGES, fiscalColumnChecks } from './support/fiscal-column.js';
import { need } from './support/tables.js';

const FUND = { zh: '一般公共预算财政拨款', en: 'the general public budget' };

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
  check(doc) {
    const got = need(doc, ['fiscal-income-expense', 'general-budget-expense']);
    if ('skipped' in got) return got.skipped;
    return fiscalColumnChecks(got.tables['fiscal-income-expense'], 'general', got.tables['general-budget-expense'], 'total').map((r) => ({
      ...r,
      message: { ...r.message, params: { ...r.message.params, fund: FUND } },
    }));
  },
};
