import { agree } from './compare.js';
import type { SetRule } from './types.js';

/**
 * 决算 ↔ the same year's 预算: the 三公 table's 预算数 of the 决算 against the 三公 budget of the
 * 预算 (年初预算; a 决算 that prints the 全年预算 after adjustment differs by the adjustment, which
 * its 说明 should explain).
 */
export const finalBudget: SetRule = {
  id: 'set-final-budget',
  title: { zh: '决算“三公”经费预算数与当年预算一致', en: 'The “three public” budget column of the final accounts agrees with the year’s budget' },
  severity: 'error',
  kind: 'final',
  partner: 'budget',
  check(doc, other) {
    const actual = doc.cells['three-public-budget'];
    const budget = other.cells['three-public'];
    if (!actual || !budget) return [];
    return [
      agree(
        'three-public-budget',
        budget,
        actual,
        {
          zh: `${doc.year ?? ''}年决算“三公”经费预算数${actual.text}万元应等于${other.year ?? ''}年预算（${other.source}）“三公”经费${budget.text}万元`,
          en: `the ${doc.year ?? ''} final accounts’ “three public” budget, ${actual.text}, must equal the “three public” budget of the ${other.year ?? ''} budget (${other.source}), ${budget.text}`,
        },
        [actual.loc, budget.loc],
      ),
    ];
  },
};
