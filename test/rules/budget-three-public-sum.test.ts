import { describe } from 'vitest';
import { BUDGET_2024, BUDGETS, plantedErrors } from '../support/planted.js';

describe('budget-three-public-sum', () => {
  plantedErrors(
    'budget-three-public-sum',
    [
    { file: BUDGET_2024, line: 152, from: '102.00', to: '103.00', field: 1 },
    { file: BUDGET_2024, line: 152, from: '62.00', to: '60.00', field: 2 },
    ],
    BUDGETS,
  );
});
