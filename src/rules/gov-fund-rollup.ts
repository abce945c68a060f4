import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 政府性基金预算财政拨款收入支出决算表: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column. */
export const govFundRollup: Rule = {
  meta: {
    id: 'gov-fund-rollup',
    title: { zh: '政府性基金预算财政拨款收入支出决算表类款项汇总', en: 'Government fund table: class/section/item roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['gov-fund'],
    messages: {
      rollup: {
        zh: '{table} {row}“{column}”应等于其下级科目之和',
        en: '{table}, {row}, column “{column}” must equal the sum of its sub-items',
      },
    },
  },
  check: formulaCheck('gov-fund-rollup'),
};
