import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('general-budget-row-sum', () => {
  plantedErrors('general-budget-row-sum', [
    { file: SYNTHETIC, line: 203, from: '0.00', to: '1.00', field: 4 },
  ]);
});
