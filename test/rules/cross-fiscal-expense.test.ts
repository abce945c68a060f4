import { describe } from 'vitest';
import { plantedErrors, UNIVERSITY } from '../support/planted.js';

describe('cross-fiscal-expense', () => {
  plantedErrors('cross-fiscal-expense', [{ file: UNIVERSITY, line: 96, from: '7,448.44', to: '17,448.44', field: 3 }], [UNIVERSITY]);
});
