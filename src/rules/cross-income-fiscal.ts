import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 收入支出决算总表 appropriation income lines = 财政拨款收入支出决算总表 income lines. */
export const crossIncomeFiscal: Rule = {
  meta: {
    id: 'cross-income-fiscal',
    title: { zh: '两张总表的财政拨款收入一致', en: 'Appropriation income agrees between the two summary tables' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['income-expense', 'fiscal-income-expense'],
    messages: {
      line: { zh: '{summary}“{item}”应与{fiscal}本年收入中的同项一致', en: '{summary} “{item}” must agree with the same line of the {fiscal}' },
      total: { zh: '{summary}“财政拨款收入”应与{fiscal}“本年收入合计”一致', en: '{summary} appropriation income must agree with the {fiscal} income of the year' },
    },
  },
  check: formulaCheck('cross-income-fiscal'),
};
