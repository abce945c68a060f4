import type { Rule } from './types.js';
import { sumIdentity } from './support/identity.js';
import { columnName, compact, need, operand, rowOf, tableName } from './support/tables.js';

const FUNDS = ['general', 'fund', 'capital'] as const;

/**
 * 财政拨款收入支出决算总表 totals: 本年收入合计 = 三类财政拨款; 年初结转 = its fund lines;
 * 收入总计 = 本年收入合计 + 年初; per column 本年支出合计 = Σ 类 and 支出总计 = 本年支出合计 + 年末.
 */
export const fiscalTotals: Rule = {
  meta: {
    id: 'fiscal-totals',
    title: { zh: '财政拨款收入支出决算总表合计与总计', en: 'Fiscal summary: totals and grand totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-income-expense'],
    messages: {
      income: { zh: '{table}“本年收入合计”应等于三类财政拨款收入之和', en: '{table}: income of the year must equal the three appropriation incomes' },
      opening: { zh: '{table}“年初财政拨款结转和结余”应等于其分项之和', en: '{table}: appropriation carried forward at start must equal its fund lines' },
      incomeGrand: { zh: '{table}收入“总计”应等于本年收入合计 + 年初财政拨款结转和结余', en: '{table}: income grand total must equal income of the year + carried forward at start' },
      expense: { zh: '{table}“本年支出合计”（{column}）应等于各类支出之和', en: '{table}: expenditure of the year ({column}) must equal the sum of the classes' },
      expenseGrand: { zh: '{table}支出“总计”（{column}）应等于本年支出合计 + 年末财政拨款结转和结余', en: '{table}: expenditure grand total ({column}) must equal expenditure of the year + carried forward at end' },
      closing: { zh: '{table}“年末财政拨款结转和结余”应等于其分项之和', en: '{table}: appropriation carried forward at end must equal its fund lines' },
    },
  },
  check(doc) {
    const got = need(doc, ['fiscal-income-expense']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['fiscal-income-expense'];
    const table = tableName(t.key);
    const a = (key: string, column = 'amount') => operand(t, key, column);
    const results = [
      sumIdentity({
        key: 'income:total-income',
        message: { id: 'income', params: { table } },
        total: a('income:total-income'),
        items: FUNDS.map((f) => a(`income:${f}`)),
      }),
      FUNDS.some((f) => rowOf(t, `income:opening-${f}`))
        ? sumIdentity({
            key: 'income:opening',
            message: { id: 'opening', params: { table } },
            total: a('income:opening'),
            items: FUNDS.map((f) => a(`income:opening-${f}`)),
          })
        : undefined,
      sumIdentity({
        key: 'income:grand-total',
        message: { id: 'incomeGrand', params: { table } },
        total: a('income:grand-total'),
        items: [a('income:total-income'), a('income:opening')],
      }),
      FUNDS.some((f) => rowOf(t, `expense:closing-${f}`))
        ? sumIdentity({
            key: 'expense:closing',
            message: { id: 'closing', params: { table } },
            total: a('expense:closing', 'total'),
            items: FUNDS.map((f) => a(`expense:closing-${f}`, 'total')),
          })
        : undefined,
    ];
    const classes = t.rows.filter((r) => r.side === 'expense' && r.level === 'class').map((r) => r.key);
    for (const column of t.columns.filter((c) => c.side === 'expense').map((c) => c.key)) {
      const params = { table, column: columnName(t, column) };
      results.push(
        sumIdentity({
          key: `expense:total-expense/${column}`,
          message: { id: 'expense', params },
          total: a('expense:total-expense', column),
          items: classes.map((k) => a(k, column)),
        }),
        sumIdentity({
          key: `expense:grand-total/${column}`,
          message: { id: 'expenseGrand', params },
          total: a('expense:grand-total', column),
          items: [a('expense:total-expense', column), a('expense:closing', column)],
        }),
      );
    }
    return compact(results);
  },
};
