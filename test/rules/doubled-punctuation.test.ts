import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('doubled-punctuation', () => {
  plantedErrors(
    'doubled-punctuation',
    [
      { file: ZHUZHOU_TEXT, line: 467, from: '占100.0%。', to: '占100.0%。。', severity: 'warning' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
