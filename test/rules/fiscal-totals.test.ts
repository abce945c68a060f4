import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('fiscal-totals', () => {
  plantedErrors('fiscal-totals', [
    { file: SYNTHETIC, line: 182, from: '46.30', to: '47.30', field: 3 },
  ]);
});
