import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-presence', () => {
  plantedErrors(
    'narrative-presence',
    [
      { file: ZHUZHOU_TEXT, line: 653, from: '接待来访团组83个', to: '接待来访团组0个', severity: 'warning' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
