import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('income-rollup', () => {
  plantedErrors('income-rollup', [
    { file: SYNTHETIC, line: 78, from: '2,584.44', to: '2,594.44', field: 3 },
  ]);
});
