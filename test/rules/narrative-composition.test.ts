import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-composition', () => {
  plantedErrors(
    'narrative-composition',
    [
      { file: ZHUZHOU_TEXT, line: 681, from: '888.18万元', to: '888.81万元', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
