import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-fiscal-state-capital', () => {
  plantedErrors('cross-fiscal-state-capital', [
    { file: SYNTHETIC, line: 289, from: '245.60', to: '255.60', field: 3 },
  ]);
});
