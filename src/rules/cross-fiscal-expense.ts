import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 财政拨款支出决算表 (central 高校) against 支出决算表: appropriation spending is part of all
 * spending, so per 科目 its 合计, 基本支出 and 项目支出 may not exceed the expenditure table's.
 */
export const crossFiscalExpense: Rule = {
  meta: {
    id: 'cross-fiscal-expense',
    title: { zh: '财政拨款支出不超过总支出', en: 'Appropriation spending does not exceed all spending' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['fiscal-expense', 'expense'],
    messages: {
      part: {
        zh: '{fiscal} {row}“{column}”不应超过{expense}同一科目的数额',
        en: '{fiscal}, {row}, “{column}” must not exceed the same line of the {expense}',
      },
    },
  },
  check: formulaCheck('cross-fiscal-expense'),
};
