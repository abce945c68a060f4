import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('income-expense-totals', () => {
  plantedErrors('income-expense-totals', [
    { file: SYNTHETIC, line: 33, from: '120.00', to: '130.00', field: 3 },
  ]);
});
