import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('three-public-sum', () => {
  plantedErrors('three-public-sum', [
    { file: SYNTHETIC, line: 308, from: '10.00', to: '11.00', field: 2 },
  ]);
});
