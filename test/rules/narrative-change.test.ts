import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-change', () => {
  plantedErrors(
    'narrative-change',
    [
      { file: ZHUZHOU_TEXT, line: 463, from: '减少27.2%', to: '减少25.2%', severity: 'error' },
      { file: ZHUZHOU_TEXT, line: 463, from: '减少27.2%', to: '增长27.2%', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
