import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('expense-row-sum', () => {
  plantedErrors('expense-row-sum', [
    { file: SYNTHETIC, line: 120, from: '712.37', to: '713.37', field: 4 },
  ]);
});
