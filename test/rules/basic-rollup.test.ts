import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('basic-rollup', () => {
  plantedErrors('basic-rollup', [
    { file: SYNTHETIC, line: 233, from: '8.50', to: '9.50', field: 9 },
  ]);
});
