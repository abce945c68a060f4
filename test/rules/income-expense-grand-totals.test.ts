import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('income-expense-grand-totals', () => {
  plantedErrors('income-expense-grand-totals', [
    { file: SYNTHETIC, line: 57, from: '12.00', to: '13.00', field: 3 },
  ]);
});
