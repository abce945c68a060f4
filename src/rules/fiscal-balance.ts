import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 财政拨款收入支出决算总表: 收入总计 = 支出总计, and for each kind of appropriation
 * 年初结转 + 本年收入 = 本年支出 + 年末结转 (appropriations have no other outflow).
 */
export const fiscalBalance: Rule = {
  meta: {
    id: 'fiscal-balance',
    title: { zh: '财政拨款收支平衡', en: 'Fiscal summary: appropriations balance' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-income-expense'],
    messages: {
      balance: { zh: '{table}收入总计与支出总计应相等', en: '{table}: income grand total must equal expenditure grand total' },
      fund: {
        zh: '{table}{fund}：本年收入应等于本年支出 + 年末结转和结余 − 年初结转和结余',
        en: '{table}, {fund}: income must equal expenditure + carried forward at end − carried forward at start',
      },
    },
  },
  check: formulaCheck('fiscal-balance'),
};
