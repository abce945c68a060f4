import { describe } from 'vitest';
import { BUDGET_2024, BUDGETS, plantedErrors } from '../support/planted.js';

describe('budget-summary-totals', () => {
  plantedErrors(
    'budget-summary-totals',
    [
    { file: BUDGET_2024, line: 38, from: '2,090.00', to: '2,091.00', field: 2 },
    { file: BUDGET_2024, line: 61, from: '2,090.00', to: '2,080.00', field: 1 },
    { file: BUDGET_2024, line: 43, from: '2,090.00', to: '2,190.00', field: 3 },
    ],
    BUDGETS,
  );
});
