import type { Rule } from './types.js';
import { equalIdentity } from './support/identity.js';
import { compact, need, operand, tableName } from './support/tables.js';

/** 收入支出决算总表: 收入总计 = 支出总计 (收支平衡). */
export const incomeExpenseBalance: Rule = {
  meta: {
    id: 'income-expense-balance',
    title: { zh: '收入支出决算总表收支平衡', en: 'Summary table: income and expenditure balance' },
    severity: 'error',
    tags: ['table'],
    tables: ['income-expense'],
    messages: {
      balance: { zh: '{table}收入总计与支出总计应相等', en: '{table}: income grand total must equal expenditure grand total' },
    },
  },
  check(doc) {
    const got = need(doc, ['income-expense']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['income-expense'];
    return compact([
      equalIdentity(
        'grand-total',
        { id: 'balance', params: { table: tableName(t.key) } },
        operand(t, 'income:grand-total', 'amount'),
        operand(t, 'expense:grand-total', 'amount'),
      ),
    ]);
  },
};
