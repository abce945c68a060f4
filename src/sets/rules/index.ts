import { budgetPrevious } from './budget-previous.js';
import { finalBudget } from './final-budget.js';
import { finalPreviousClaims } from './final-claims.js';
import { finalPrevious } from './final-previous.js';
import type { SetRule } from './types.js';

/** Every rule across documents, in the order they run: 预算 ↔ 上年预算, 决算 ↔ 预算, 决算 ↔ 上年决算 (carry-over, then the 说明's 比上年 claims). */
export const SET_RULES: readonly SetRule[] = [budgetPrevious, finalBudget, finalPrevious, finalPreviousClaims];
