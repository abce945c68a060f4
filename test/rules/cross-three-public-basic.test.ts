import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-three-public-basic', () => {
  plantedErrors('cross-three-public-basic', [
    { file: SYNTHETIC, line: 244, from: '3.85', to: '5.85', field: 6 },
  ]);
});
