import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('gov-fund-balance', () => {
  plantedErrors('gov-fund-balance', [
    { file: SYNTHETIC, line: 274, from: '36.75', to: '37.75', field: 8 },
  ]);
});
