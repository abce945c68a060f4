import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-fiscal-gov-fund', () => {
  plantedErrors('cross-fiscal-gov-fund', [
    { file: SYNTHETIC, line: 271, from: '838.75', to: '848.75', field: 5 },
  ]);
});
