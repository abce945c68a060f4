import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 部门预算 “三公”经费、会议费、培训费支出预算表: 合计 = 三公 + 会议费 + 培训费; 三公 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护. */
export const budgetThreePublicSum: Rule = {
  meta: {
    id: 'budget-three-public-sum',
    title: { zh: '部门预算“三公”经费、会议费、培训费合计', en: 'Budget “three public”, meeting and training: totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['budget-three-public'],
    messages: {
      sum: { zh: '{table}：{what}', en: '{table}: {what}' },
    },
  },
  check: formulaCheck('budget-three-public-sum'),
};
