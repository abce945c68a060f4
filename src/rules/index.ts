import type { Rule } from './types.js';
import { basicRollup } from './basic-rollup.js';
import { basicTotals } from './basic-totals.js';
import { budgetCrossTables } from './budget-cross-tables.js';
import { budgetFiscalTotals } from './budget-fiscal-totals.js';
import { budgetRollup } from './budget-rollup.js';
import { budgetSummaryTotals } from './budget-summary-totals.js';
import { budgetThreePublicSum } from './budget-three-public-sum.js';
import { cellUnreadable } from './cell-unreadable.js';
import { crossBasicTotal } from './cross-basic-total.js';
import { crossExpenseClasses } from './cross-expense-classes.js';
import { crossFiscalGeneral } from './cross-fiscal-general.js';
import { crossFiscalExpense } from './cross-fiscal-expense.js';
import { crossFiscalGovFund } from './cross-fiscal-gov-fund.js';
import { crossFiscalStateCapital } from './cross-fiscal-state-capital.js';
import { crossIncomeFiscal } from './cross-income-fiscal.js';
import { crossIncomeSources } from './cross-income-sources.js';
import { crossThreePublicBasic } from './cross-three-public-basic.js';
import { doubledPunctuation } from './doubled-punctuation.js';
import { emptyTableNote } from './empty-table-note.js';
import { expenseRollup } from './expense-rollup.js';
import { expenseRowSum } from './expense-row-sum.js';
import { fiscalBalance } from './fiscal-balance.js';
import { fiscalExpenseRollup } from './fiscal-expense-rollup.js';
import { fiscalExpenseRowSum } from './fiscal-expense-row-sum.js';
import { fiscalRowSum } from './fiscal-row-sum.js';
import { fiscalTotals } from './fiscal-totals.js';
import { garbledText } from './garbled-text.js';
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
import { narrativeAmount } from './narrative-amount.js';
import { narrativeArithmetic } from './narrative-arithmetic.js';
import { narrativeChange } from './narrative-change.js';
import { narrativeCompletion } from './narrative-completion.js';
import { narrativeComposition } from './narrative-composition.js';
import { narrativeDirection } from './narrative-direction.js';
import { narrativeExplanation } from './narrative-explanation.js';
import { narrativePresence } from './narrative-presence.js';
import { narrativeRate } from './narrative-rate.js';
import { narrativeShare } from './narrative-share.js';
import { narrativeSubjectName } from './narrative-subject-name.js';
import { placeholderText } from './placeholder-text.js';
import { reportYear } from './report-year.js';
import { requiredSections } from './required-sections.js';
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
  budgetCrossTables,
  budgetFiscalTotals,
  budgetRollup,
  budgetSummaryTotals,
  budgetThreePublicSum,
  cellUnreadable,
  crossBasicTotal,
  crossExpenseClasses,
  crossFiscalExpense,
  crossFiscalGeneral,
  crossFiscalGovFund,
  crossFiscalStateCapital,
  crossIncomeFiscal,
  crossIncomeSources,
  crossThreePublicBasic,
  doubledPunctuation,
  emptyTableNote,
  expenseRollup,
  expenseRowSum,
  fiscalBalance,
  fiscalExpenseRollup,
  fiscalExpenseRowSum,
  fiscalRowSum,
  fiscalTotals,
  garbledText,
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
  narrativeAmount,
  narrativeArithmetic,
  narrativeChange,
  narrativeCompletion,
  narrativeComposition,
  narrativeDirection,
  narrativeExplanation,
  narrativePresence,
  narrativeRate,
  narrativeShare,
  narrativeSubjectName,
  placeholderText,
  reportYear,
  requiredSections,
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
