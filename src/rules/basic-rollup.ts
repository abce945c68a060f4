import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 基本支出决算表: each economic class (301, 302…) equals the sum of its items (30101…). */
export const basicRollup: Rule = {
  meta: {
    id: 'basic-rollup',
    title: { zh: '基本支出决算表经济分类类级汇总', en: 'Basic expenditure table: economic class totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['general-budget-basic'],
    messages: {
      rollup: { zh: '{table} {row}应等于其下各款之和', en: '{table}: {row} must equal the sum of its items' },
    },
  },
  check: formulaCheck('basic-rollup'),
};
