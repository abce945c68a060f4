import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/** 财政拨款收入支出决算总表, per expenditure row: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营. */
export const fiscalRowSum: Rule = {
  meta: {
    id: 'fiscal-row-sum',
    title: { zh: '财政拨款收入支出决算总表各行三类财政拨款合计', en: 'Fiscal summary: row total equals the three appropriation columns' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-income-expense'],
    messages: {
      rowSum: {
        zh: '{table} {row}：“合计”应等于一般公共预算 + 政府性基金 + 国有资本经营财政拨款',
        en: '{table}, {row}: total must equal general budget + government fund + state capital',
      },
    },
  },
  check: formulaCheck('fiscal-row-sum'),
};
