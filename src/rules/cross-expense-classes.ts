import type { Rule } from './types.js';
import { equalIdentity } from './support/identity.js';
import { compact, need, operand, rowOf, tableName } from './support/tables.js';
import { functionClassName } from '../model/function-classes.js';

/**
 * 收入支出决算总表 expense side against the 支出决算表: 本年支出合计 with its 合计 row, and each
 * 类 with the class row of the same code (a class printed in only one table must be zero there).
 */
export const crossExpenseClasses: Rule = {
  meta: {
    id: 'cross-expense-classes',
    title: { zh: '收入支出决算总表与支出决算表一致', en: 'Summary table expenditure agrees with the expenditure table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['income-expense', 'expense'],
    messages: {
      total: { zh: '{summary}“本年支出合计”应与{expense}合计一致', en: '{summary} total expenditure must agree with the {expense} total' },
      class: { zh: '{summary}“{name}”应与{expense} {code} 类合计一致', en: '{summary} “{name}” must agree with class {code} of the {expense}' },
    },
  },
  check(doc) {
    const got = need(doc, ['income-expense', 'expense']);
    if ('skipped' in got) return got.skipped;
    const ie = got.tables['income-expense'];
    const exp = got.tables.expense;
    const names = { summary: tableName(ie.key), expense: tableName(exp.key) };
    const codes = new Set([
      ...ie.rows.filter((r) => r.side === 'expense' && r.level === 'class').map((r) => r.key.replace('expense:class-', '')),
      ...exp.rows.filter((r) => r.code?.length === 3).map((r) => r.key),
    ]);
    return compact([
      rowOf(exp, 'total')
        ? equalIdentity('total', { id: 'total', params: names }, operand(ie, 'expense:total-expense', 'amount'), operand(exp, 'total', 'total'))
        : undefined,
      ...[...codes].sort().map((code) =>
        equalIdentity(
          `class-${code}`,
          { id: 'class', params: { ...names, code, name: functionClassName(code) ?? code } },
          operand(ie, `expense:class-${code}`, 'amount'),
          operand(exp, code, 'total'),
        ),
      ),
    ]);
  },
};
