import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('expense-rollup', () => {
  plantedErrors('expense-rollup', [
    { file: SYNTHETIC, line: 119, from: '396.20', to: '397.20', field: 5 },
  ]);
});
