import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 国有资本经营预算财政拨款支出决算表, per row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出. */
export const stateCapitalBalance: Rule = {
  meta: {
    id: 'state-capital-balance',
    title: { zh: '国有资本经营预算财政拨款支出决算表结转结余平衡', en: 'State capital table: carry-over balance' },
    severity: 'error',
    tags: ['table'],
    tables: ['state-capital'],
    messages: {
      balance: {
        zh: '{table} {row}：年末结转和结余应等于年初结转和结余 + 本年收入 − 本年支出',
        en: '{table}, {row}: carried forward at end must equal start + income − expenditure',
      },
    },
  },
  check: formulaCheck('state-capital-balance'),
};
