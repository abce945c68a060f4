import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 收入决算表, per row: 本年收入合计 = 财政拨款 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他. */
export const incomeRowSum: Rule = {
  meta: {
    id: 'income-row-sum',
    title: { zh: '收入决算表各行收入来源合计', en: 'Income table: row total equals the sum of sources' },
    severity: 'error',
    tags: ['table'],
    tables: ['income'],
    messages: {
      rowSum: { zh: '{table} {row}：“{total}”应等于 {parts}', en: '{table}, {row}: “{total}” must equal {parts}' },
    },
  },
  check: formulaCheck('income-row-sum'),
};
