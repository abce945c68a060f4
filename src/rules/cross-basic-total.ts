import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 一般公共预算财政拨款支出决算表 基本支出 合计 = 基本支出决算表 人员经费合计 + 公用经费合计. */
export const crossBasicTotal: Rule = {
  meta: {
    id: 'cross-basic-total',
    title: { zh: '基本支出合计与人员经费、公用经费一致', en: 'Basic expenditure agrees with personnel + public expenses' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['general-budget-expense', 'general-budget-basic'],
    messages: {
      basic: {
        zh: '{general}合计行“基本支出”应等于{basic}人员经费合计 + 公用经费合计',
        en: '{general} total basic expenditure must equal personnel + public expense totals of the {basic}',
      },
    },
  },
  check: formulaCheck('cross-basic-total'),
};
