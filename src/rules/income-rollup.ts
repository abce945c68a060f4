import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 收入决算表: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every income column. */
export const incomeRollup: Rule = {
  meta: {
    id: 'income-rollup',
    title: { zh: '收入决算表类款项汇总', en: 'Income table class/section/item roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['income'],
    messages: {
      rollup: {
        zh: '{table} {row}“{column}”应等于其下级科目之和',
        en: '{table}, {row}, column “{column}” must equal the sum of its sub-items',
      },
    },
  },
  check: formulaCheck('income-rollup'),
};
