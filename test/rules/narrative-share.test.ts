import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-share', () => {
  plantedErrors(
    'narrative-share',
    [
      { file: ZHUZHOU_TEXT, line: 487, from: '占6.7%', to: '占6.9%', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
