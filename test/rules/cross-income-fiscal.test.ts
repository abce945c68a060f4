import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-income-fiscal', () => {
  plantedErrors('cross-income-fiscal', [
    { file: SYNTHETIC, line: 32, from: '250.00', to: '260.00', field: 3 },
  ]);
});
