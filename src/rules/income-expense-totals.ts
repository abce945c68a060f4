import type { Rule } from './types.js';
import { sumIdentity } from './support/identity.js';
import { compact, need, operand, tableName } from './support/tables.js';

const INCOME_ITEMS = ['fiscal', 'fiscal-general', 'fiscal-fund', 'fiscal-capital', 'superior', 'business', 'operation', 'affiliated', 'other'];

/** 收入支出决算总表: 本年收入合计 = Σ 收入项目; 本年支出合计 = Σ 支出功能分类 类. */
export const incomeExpenseTotals: Rule = {
  meta: {
    id: 'income-expense-totals',
    title: { zh: '收入支出决算总表本年收入、支出合计', en: 'Summary table: income and expenditure totals of the year' },
    severity: 'error',
    tags: ['table'],
    tables: ['income-expense'],
    messages: {
      income: { zh: '{table}“本年收入合计”应等于各项收入之和', en: '{table}: “total income of the year” must equal the sum of the income items' },
      expense: { zh: '{table}“本年支出合计”应等于各类支出之和', en: '{table}: “total expenditure of the year” must equal the sum of the expenditure classes' },
    },
  },
  check(doc) {
    const got = need(doc, ['income-expense']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['income-expense'];
    const table = tableName(t.key);
    const incomeKeys = t.rows.filter((r) => INCOME_ITEMS.includes(r.key.replace(/^income:/, '')) && r.side === 'income').map((r) => r.key);
    const classKeys = t.rows.filter((r) => r.side === 'expense' && r.level === 'class').map((r) => r.key);
    return compact([
      sumIdentity({
        key: 'income:total-income',
        message: { id: 'income', params: { table } },
        total: operand(t, 'income:total-income', 'amount'),
        items: incomeKeys.map((k) => operand(t, k, 'amount')),
      }),
      sumIdentity({
        key: 'expense:total-expense',
        message: { id: 'expense', params: { table } },
        total: operand(t, 'expense:total-expense', 'amount'),
        items: classKeys.map((k) => operand(t, k, 'amount')),
      }),
    ]);
  },
};
