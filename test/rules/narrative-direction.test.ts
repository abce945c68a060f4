import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-direction', () => {
  plantedErrors(
    'narrative-direction',
    [
      { file: ZHUZHOU_TEXT, line: 513, from: '决算数小于预算数', to: '决算数大于预算数', severity: 'error' },
      { file: ZHUZHOU_TEXT, line: 513, from: '决算数小于预算数', to: '决算数等于预算数', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
