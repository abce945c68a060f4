import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('fiscal-row-sum', () => {
  plantedErrors('fiscal-row-sum', [
    { file: SYNTHETIC, line: 164, from: '838.75', to: '848.75', field: 6 },
  ]);
});
