import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC } from '../support/planted.js';

describe('cell-unreadable', () => {
  plantedErrors('cell-unreadable', [
    { file: SYNTHETIC, line: 120, from: '712.37', to: '7l2.37', field: 4 },
  ]);
});
