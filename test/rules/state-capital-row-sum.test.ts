import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('state-capital-row-sum', () => {
  plantedErrors('state-capital-row-sum', [
    { file: SYNTHETIC, line: 292, from: '0.00', to: '1.00', field: 4 },
  ]);
});
