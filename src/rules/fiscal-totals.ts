import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 财政拨款收入支出决算总表 totals: 本年收入合计 = 三类财政拨款; 年初结转 = its fund lines;
 * 收入总计 = 本年收入合计 + 年初; per column 本年支出合计 = Σ 类 and 支出总计 = 本年支出合计 + 年末.
 */
export const fiscalTotals: Rule = {
  meta: {
    id: 'fiscal-totals',
    title: { zh: '财政拨款收入支出决算总表合计与总计', en: 'Fiscal summary: totals and grand totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['fiscal-income-expense'],
    messages: {
      income: { zh: '{table}“本年收入合计”应等于三类财政拨款收入之和', en: '{table}: income of the year must equal the three appropriation incomes' },
      opening: { zh: '{table}“年初财政拨款结转和结余”应等于其分项之和', en: '{table}: appropriation carried forward at start must equal its fund lines' },
      incomeGrand: { zh: '{table}收入“总计”应等于本年收入合计 + 年初财政拨款结转和结余', en: '{table}: income grand total must equal income of the year + carried forward at start' },
      expense: { zh: '{table}“本年支出合计”（{column}）应等于各类支出之和', en: '{table}: expenditure of the year ({column}) must equal the sum of the classes' },
      expenseGrand: { zh: '{table}支出“总计”（{column}）应等于本年支出合计 + 年末财政拨款结转和结余', en: '{table}: expenditure grand total ({column}) must equal expenditure of the year + carried forward at end' },
      closing: { zh: '{table}“年末财政拨款结转和结余”应等于其分项之和', en: '{table}: appropriation carried forward at end must equal its fund lines' },
    },
  },
  check: formulaCheck('fiscal-totals'),
};
