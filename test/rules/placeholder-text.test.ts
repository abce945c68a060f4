import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('placeholder-text', () => {
  plantedErrors(
    'placeholder-text',
    [
      { file: ZHUZHOU_TEXT, line: 467, from: '本年收入合计', to: 'XX局本年收入合计', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
