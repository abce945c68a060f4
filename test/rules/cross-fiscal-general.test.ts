import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cross-fiscal-general', () => {
  plantedErrors('cross-fiscal-general', [
    { file: SYNTHETIC, line: 161, from: '252.63', to: '262.63', field: 7 },
  ]);
});
