import { describe } from 'vitest';
import { BUDGET_2024, BUDGETS, plantedErrors } from '../support/planted.js';

describe('budget-cross-tables', () => {
  plantedErrors(
    'budget-cross-tables',
    [
    { file: BUDGET_2024, line: 43, from: '2,090.00', to: '2,190.00', field: 3 },
    { file: BUDGET_2024, line: 75, from: '2,050.00', to: '2,040.00' },
    ],
    BUDGETS,
  );
});
