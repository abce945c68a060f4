import { describe } from 'vitest';
import { BUDGET_2024, BUDGETS, plantedErrors } from '../support/planted.js';

describe('budget-rollup', () => {
  plantedErrors(
    'budget-rollup',
    [
    { file: BUDGET_2024, line: 76, from: '1,550.00', to: '1,560.00' },
    { file: BUDGET_2024, line: 75, from: '2,050.00', to: '2,040.00' },
    ],
    BUDGETS,
  );
});
