import { describe } from 'vitest';
import { plantedErrors, UNIVERSITY } from '../support/planted.js';

describe('fiscal-expense-row-sum', () => {
  plantedErrors('fiscal-expense-row-sum', [{ file: UNIVERSITY, line: 88, from: '828.72', to: '838.72', field: 4 }], [UNIVERSITY]);
});
