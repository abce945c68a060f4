import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('state-capital-rollup', () => {
  plantedErrors('state-capital-rollup', [
    { file: SYNTHETIC, line: 290, from: '45.60', to: '46.60', field: 3 },
  ]);
});
