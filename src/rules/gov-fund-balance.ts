import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 政府性基金预算财政拨款收入支出决算表, per row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出. */
export const govFundBalance: Rule = {
  meta: {
    id: 'gov-fund-balance',
    title: { zh: '政府性基金预算财政拨款收入支出决算表结转结余平衡', en: 'Government fund table: carry-over balance' },
    severity: 'error',
    tags: ['table'],
    tables: ['gov-fund'],
    messages: {
      balance: {
        zh: '{table} {row}：年末结转和结余应等于年初结转和结余 + 本年收入 − 本年支出',
        en: '{table}, {row}: carried forward at end must equal start + income − expenditure',
      },
    },
  },
  check: formulaCheck('gov-fund-balance'),
};
