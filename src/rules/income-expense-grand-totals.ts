import type { Rule } from './types.js';
import { sumIdentity } from './support/identity.js';
import { compact, need, operand, tableName } from './support/tables.js';

/**
 * 收入支出决算总表: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余;
 * 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
 */
export const incomeExpenseGrandTotals: Rule = {
  meta: {
    id: 'income-expense-grand-totals',
    title: { zh: '收入支出决算总表收入总计、支出总计', en: 'Summary table: grand totals of income and expenditure' },
    severity: 'error',
    tags: ['table'],
    tables: ['income-expense'],
    messages: {
      income: {
        zh: '{table}收入“总计”应等于本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
        en: '{table}: income grand total must equal income of the year + use of non-appropriation surplus + carried forward at start',
      },
      expense: {
        zh: '{table}支出“总计”应等于本年支出合计 + 结余分配 + 年末结转和结余',
        en: '{table}: expenditure grand total must equal expenditure of the year + distribution of surplus + carried forward at end',
      },
    },
  },
  check(doc) {
    const got = need(doc, ['income-expense']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['income-expense'];
    const table = tableName(t.key);
    const a = (key: string) => operand(t, key, 'amount');
    return compact([
      sumIdentity({
        key: 'income:grand-total',
        message: { id: 'income', params: { table } },
        total: a('income:grand-total'),
        items: [a('income:total-income'), a('income:use-surplus'), a('income:opening')],
      }),
      sumIdentity({
        key: 'expense:grand-total',
        message: { id: 'expense', params: { table } },
        total: a('expense:grand-total'),
        items: [a('expense:total-expense'), a('expense:distribution'), a('expense:closing')],
      }),
    ]);
  },
};
