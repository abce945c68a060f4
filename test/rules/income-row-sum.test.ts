import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('income-row-sum', () => {
  plantedErrors('income-row-sum', [
    { file: SYNTHETIC, line: 80, from: '23.40', to: '24.40', field: 9 },
  ]);
});
