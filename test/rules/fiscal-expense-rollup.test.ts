import { describe } from 'vitest';
import { plantedErrors, UNIVERSITY } from '../support/planted.js';

describe('fiscal-expense-rollup', () => {
  plantedErrors('fiscal-expense-rollup', [{ file: UNIVERSITY, line: 89, from: '1,357.93', to: '1,367.93', field: 6 }], [UNIVERSITY]);
});
