import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('garbled-text', () => {
  plantedErrors(
    'garbled-text',
    [
      { file: ZHUZHOU_TEXT, line: 467, from: '本年收入合计', to: '本年收入�合计', severity: 'warning' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
