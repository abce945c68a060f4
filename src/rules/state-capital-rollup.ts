import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 国有资本经营预算财政拨款支出决算表: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column. */
export const stateCapitalRollup: Rule = {
  meta: {
    id: 'state-capital-rollup',
    title: { zh: '国有资本经营预算财政拨款支出决算表类款项汇总', en: 'State capital table: class/section/item roll-ups' },
    severity: 'error',
    tags: ['table'],
    tables: ['state-capital'],
    messages: {
      rollup: {
        zh: '{table} {row}“{column}”应等于其下级科目之和',
        en: '{table}, {row}, column “{column}” must equal the sum of its sub-items',
      },
    },
  },
  check: formulaCheck('state-capital-rollup'),
};
