import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('gov-fund-rollup', () => {
  plantedErrors('gov-fund-rollup', [
    { file: SYNTHETIC, line: 273, from: '80.00', to: '81.00', field: 3 },
  ]);
});
