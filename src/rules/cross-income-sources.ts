import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 收入支出决算总表 income side against the 收入决算表 合计 row: 本年收入合计, 财政拨款收入 (the
 * summary's appropriation lines together) and each other source.
 */
export const crossIncomeSources: Rule = {
  meta: {
    id: 'cross-income-sources',
    title: { zh: '收入支出决算总表与收入决算表一致', en: 'Summary table income agrees with the income table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['income-expense', 'income'],
    messages: {
      source: {
        zh: '{summary}“{item}”应与{income}合计行“{rhsColumn}”一致',
        en: '{summary} “{item}” must agree with the {income} total row, column “{rhsColumn}”',
      },
      fiscal: {
        zh: '{income}合计行“财政拨款收入”应等于{summary}各项财政拨款收入之和',
        en: '{income} total row, appropriation income, must equal the appropriation lines of the {summary}',
      },
    },
  },
  check: formulaCheck('cross-income-sources'),
};
