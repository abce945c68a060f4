import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-expense-classes', () => {
  plantedErrors('cross-expense-classes', [
    { file: SYNTHETIC, line: 48, from: '143.58', to: '153.58', field: 6 },
  ]);
});
