import type { Rule } from './types.js';
import { equalIdentity, sumIdentity } from './support/identity.js';
import { compact, need, operand, rowOf, tableName } from './support/tables.js';

const FUND_NAMES = {
  general: { zh: '一般公共预算财政拨款', en: 'general public budget' },
  fund: { zh: '政府性基金预算财政拨款', en: 'government fund budget' },
  capital: { zh: '国有资本经营预算财政拨款', en: 'state capital budget' },
} as const;

/**
 * 财政拨款收入支出决算总表: 收入总计 = 支出总计, and for each kind of appropriation
 * 年初结转 + 本年收入 = 本年支出 + 年末结转 (appropriations have no other outflow).
 */
export const fiscalBalance: Rule = {
  meta: {
    id: 'fiscal-balance',
    title: { zh: '财政拨款收支平衡', en: 'Fiscal summary: appropriations balance' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-income-expense'],
    messages: {
      balance: { zh: '{table}收入总计与支出总计应相等', en: '{table}: income grand total must equal expenditure grand total' },
      fund: {
        zh: '{table}{fund}：本年收入应等于本年支出 + 年末结转和结余 − 年初结转和结余',
        en: '{table}, {fund}: income must equal expenditure + carried forward at end − carried forward at start',
      },
    },
  },
  check(doc) {
    const got = need(doc, ['fiscal-income-expense']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['fiscal-income-expense'];
    const table = tableName(t.key);
    const results = [
      equalIdentity('grand-total', { id: 'balance', params: { table } }, operand(t, 'income:grand-total', 'amount'), operand(t, 'expense:grand-total', 'total')),
    ];
    const hasOpeningLines = (['general', 'fund', 'capital'] as const).some((f) => rowOf(t, `income:opening-${f}`));
    for (const fund of ['general', 'fund', 'capital'] as const) {
      // The per-fund balance needs 年初结转 broken down by fund; older layouts print only its total.
      if (!hasOpeningLines) continue;
      results.push(
        sumIdentity({
          key: `fund/${fund}`,
          message: { id: 'fund', params: { table, fund: FUND_NAMES[fund] } },
          total: operand(t, `income:${fund}`, 'amount'),
          items: [
            operand(t, 'expense:total-expense', fund),
            operand(t, 'expense:closing', fund),
            operand(t, `income:opening-${fund}`, 'amount', -1),
          ],
        }),
      );
    }
    return compact(results);
  },
};
