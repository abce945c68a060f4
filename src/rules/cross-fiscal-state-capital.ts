import type { Rule } from './types.js';
import { FISCAL_COLUMN_MESSAGES, fiscalColumnChecks } from './support/fiscal-column.js';
import { need } from './support/tables.js';

const FUND = { zh: '国有资本经营预算财政拨款', en: 'the state capital budget' };

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
  check(doc) {
    const got = need(doc, ['fiscal-income-expense', 'state-capital']);
    if ('skipped' in got) return got.skipped;
    return fiscalColumnChecks(got.tables['fiscal-income-expense'], 'capital', got.tables['state-capital'], 'total').map((r) => ({
      ...r,
      message: { ...r.message, params: { ...r.message.params, fund: FUND } },
    }));
  },
};
