import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 财政拨款支出决算表 (central 高校): 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column. */
export const fiscalExpenseRollup: Rule = {
  meta: {
    id: 'fiscal-expense-rollup',
    title: { zh: '财政拨款支出决算表类款项汇总', en: 'Appropriation expenditure table class/section/item roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-expense'],
    messages: {
      rollup: {
        zh: '{table} {row}“{column}”应等于其下级科目之和',
        en: '{table}, {row}, column “{column}” must equal the sum of its sub-items',
      },
    },
  },
  check: formulaCheck('fiscal-expense-rollup'),
};
