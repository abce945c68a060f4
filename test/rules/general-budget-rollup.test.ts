import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('general-budget-rollup', () => {
  plantedErrors('general-budget-rollup', [
    { file: SYNTHETIC, line: 204, from: '438.17', to: '448.17', field: 3 },
  ]);
});
