import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-income-sources', () => {
  plantedErrors('cross-income-sources', [
    { file: SYNTHETIC, line: 34, from: '368.50', to: '378.50', field: 3 },
  ]);
});
