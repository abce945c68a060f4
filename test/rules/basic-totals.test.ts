import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('basic-totals', () => {
  plantedErrors('basic-totals', [
    { file: SYNTHETIC, line: 256, from: '1,836.28', to: '1,846.28', field: 3 },
  ]);
});
