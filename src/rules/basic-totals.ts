import type { Rule } from './types.js';
import { formulaCheck } from './support/formula.js';

/**
 * 基本支出决算表: 人员经费合计 = Σ the classes listed under 人员经费 (301, 303), 公用经费合计 =
 * Σ those under 公用经费 (302, 307, 310, 399…). The document's own grouping is used when printed.
 */
export const basicTotals: Rule = {
  meta: {
    id: 'basic-totals',
    title: { zh: '基本支出决算表人员经费、公用经费合计', en: 'Basic expenditure table: personnel and public expense totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['general-budget-basic'],
    messages: {
      personnel: { zh: '{table}“人员经费合计”应等于 {rows} 之和', en: '{table}: personnel total must equal the sum of {rows}' },
      public: { zh: '{table}“公用经费合计”应等于 {rows} 之和', en: '{table}: public expense total must equal the sum of {rows}' },
      total: { zh: '{table}“合计”应等于人员经费合计 + 公用经费合计', en: '{table}: total must equal personnel + public expense totals' },
    },
  },
  check: formulaCheck('basic-totals'),
};
