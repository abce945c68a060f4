import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('income-expense-balance', () => {
  plantedErrors('income-expense-balance', [
    { file: SYNTHETIC, line: 60, from: '4,372.70', to: '4,382.70', field: 6 },
  ]);
});
