import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('gov-fund-row-sum', () => {
  plantedErrors('gov-fund-row-sum', [
    { file: SYNTHETIC, line: 273, from: '0.00', to: '1.00', field: 6 },
  ]);
});
