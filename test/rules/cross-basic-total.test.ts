import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-basic-total', () => {
  plantedErrors('cross-basic-total', [
    { file: SYNTHETIC, line: 199, from: '2,198.28', to: '2,208.28', field: 4 },
  ]);
});
