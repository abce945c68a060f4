import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('fiscal-balance', () => {
  plantedErrors('fiscal-balance', [
    { file: SYNTHETIC, line: 181, from: '38.02', to: '39.02', field: 7 },
  ]);
});
