import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * “三公”经费表, for 预算数 and 决算数 alike: 合计 = 因公出国(境) + 公务用车购置及运行维护 + 公务接待;
 * 公务用车小计 = 购置费 + 运行维护费.
 */
export const threePublicSum: Rule = {
  meta: {
    id: 'three-public-sum',
    title: { zh: '“三公”经费合计', en: '“Three public” expenditure totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['three-public'],
    messages: {
      total: {
        zh: '{table}{kind}：合计应等于因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费',
        en: '{table}, {kind}: total must equal travel abroad + official vehicles + reception',
      },
      vehicle: {
        zh: '{table}{kind}：公务用车购置及运行维护费应等于购置费 + 运行维护费',
        en: '{table}, {kind}: official vehicles must equal purchase + operation and maintenance',
      },
    },
  },
  check: formulaCheck('three-public-sum'),
};
