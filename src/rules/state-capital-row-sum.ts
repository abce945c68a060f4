import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 国有资本经营预算财政拨款支出决算表, per row: 本年支出 = 基本支出 + 项目支出. */
export const stateCapitalRowSum: Rule = {
  meta: {
    id: 'state-capital-row-sum',
    title: { zh: '国有资本经营预算财政拨款支出决算表各行基本支出与项目支出合计', en: 'State capital table: expenditure equals basic + project' },
    severity: 'error',
    tags: ['table'],
    tables: ['state-capital'],
    messages: {
      rowSum: { zh: '{table} {row}：“{total}”应等于 {parts}', en: '{table}, {row}: “{total}” must equal {parts}' },
    },
  },
  check: formulaCheck('state-capital-row-sum'),
};
