import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 政府性基金预算财政拨款收入支出决算表, per row: 本年支出 = 基本支出 + 项目支出. */
export const govFundRowSum: Rule = {
  meta: {
    id: 'gov-fund-row-sum',
    title: { zh: '政府性基金预算财政拨款收入支出决算表各行基本支出与项目支出合计', en: 'Government fund table: expenditure equals basic + project' },
    severity: 'error',
    tags: ['table'],
    tables: ['gov-fund'],
    messages: {
      rowSum: { zh: '{table} {row}：“{total}”应等于 {parts}', en: '{table}, {row}: “{total}” must equal {parts}' },
    },
  },
  check: formulaCheck('gov-fund-row-sum'),
};
