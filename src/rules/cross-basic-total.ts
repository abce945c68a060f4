import type { Rule } from './types.js';
import { sumIdentity } from './support/identity.js';
import { compact, missingRow, need, operand, rowOf, tableName } from './support/tables.js';

/** 一般公共预算财政拨款支出决算表 基本支出 合计 = 基本支出决算表 人员经费合计 + 公用经费合计. */
export const crossBasicTotal: Rule = {
  meta: {
    id: 'cross-basic-total',
    title: { zh: '基本支出合计与人员经费、公用经费一致', en: 'Basic expenditure agrees with personnel + public expenses' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['general-budget-expense', 'general-budget-basic'],
    messages: {
      basic: {
        zh: '{general}合计行“基本支出”应等于{basic}人员经费合计 + 公用经费合计',
        en: '{general} total basic expenditure must equal personnel + public expense totals of the {basic}',
      },
    },
  },
  check(doc) {
    const got = need(doc, ['general-budget-expense', 'general-budget-basic']);
    if ('skipped' in got) return got.skipped;
    const gbe = got.tables['general-budget-expense'];
    const gbb = got.tables['general-budget-basic'];
    if (!rowOf(gbe, 'total')) return missingRow(gbe, 'total');
    if (!rowOf(gbb, 'personnel-total') && !rowOf(gbb, 'public-total')) return missingRow(gbb, '人员经费合计');
    return compact([
      sumIdentity({
        key: 'basic',
        message: { id: 'basic', params: { general: tableName(gbe.key), basic: tableName(gbb.key) } },
        total: operand(gbe, 'total', 'basic'),
        items: [operand(gbb, 'personnel-total', 'amount'), operand(gbb, 'public-total', 'amount')],
      }),
    ]);
  },
};
