import type { Rule } from './types.js';
import { basicRollup } from './basic-rollup.js';
import { basicTotals } from './basic-totals.js';
import { cellUnreadable } from './cell-unreadable.js';
import { crossBasicTotal } from './cross-basic-total.js';
import { crossExpenseClasses } from './cross-expense-classes.js';
import { crossFiscalGeneral } from './cross-fiscal-general.js';
import { crossFiscalGovFund } from './cross-fiscal-gov-fund.js';
import { crossFiscalStateCapital } from './cross-fiscal-state-capital.js';
import { crossIncomeFiscal } from './cross-income-fiscal.js';
import { crossIncomeSources } from './cross-income-sources.js';
import { crossThreePublicBasic } from './cross-three-public-basic.js';
import { expenseRollup } from './expense-rollup.js';
import { expenseRowSum } from './expense-row-sum.js';
import { fiscalBalance } from './fiscal-balance.js';
import { fiscalRowSum } from './fiscal-row-sum.js';
import { fiscalTotals } from './fiscal-totals.js';
import { generalBudgetRollup } from './general-budget-rollup.js';
import { generalBudgetRowSum } from './general-budget-row-sum.js';
import { govFundBalance } from './gov-fund-balance.js';
import { govFundRollup } from './gov-fund-rollup.js';
import { govFundRowSum } from './gov-fund-row-sum.js';
import { incomeExpenseBalance } from './income-expense-balance.js';
import { incomeExpenseGrandTotals } from './income-expense-grand-totals.js';
import { incomeExpenseTotals } from './income-expense-totals.js';
import { incomeRollup } from './income-rollup.js';
import { incomeRowSum } from './income-row-sum.js';
import { stateCapitalBalance } from './state-capital-balance.js';
import { stateCapitalRollup } from './state-capital-rollup.js';
import { stateCapitalRowSum } from './state-capital-row-sum.js';
import { tableLayout } from './table-layout.js';
import { tableMissing } from './table-missing.js';
import { threePublicSum } from './three-public-sum.js';
import { unitConsistency } from './unit-consistency.js';

/** Every rule, sorted by id. Adding a rule: one file, one line here, one docs page, one test. */
export const RULES: readonly Rule[] = [
  basicRollup,
  basicTotals,
  cellUnreadable,
  crossBasicTotal,
  crossExpenseClasses,
  crossFiscalGeneral,
  crossFiscalGovFund,
  crossFiscalStateCapital,
  crossIncomeFiscal,
  crossIncomeSources,
  crossThreePublicBasic,
  expenseRollup,
  expenseRowSum,
  fiscalBalance,
  fiscalRowSum,
  fiscalTotals,
  generalBudgetRollup,
  generalBudgetRowSum,
  govFundBalance,
  govFundRollup,
  govFundRowSum,
  incomeExpenseBalance,
  incomeExpenseGrandTotals,
  incomeExpenseTotals,
  incomeRollup,
  incomeRowSum,
  stateCapitalBalance,
  stateCapitalRollup,
  stateCapitalRowSum,
  tableLayout,
  tableMissing,
  threePublicSum,
  unitConsistency,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
