import { describe } from 'vitest';
import { BUDGET_2024, BUDGETS, plantedErrors } from '../support/planted.js';

describe('budget-fiscal-totals', () => {
  plantedErrors(
    'budget-fiscal-totals',
    [
    { file: BUDGET_2024, line: 70, from: '2,050.00', to: '2,060.00', field: 4 },
    { file: BUDGET_2024, line: 70, from: '2,050.00', to: '2,060.00', field: 2 },
    ],
    BUDGETS,
  );
});
