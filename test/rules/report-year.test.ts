import { describe } from 'vitest';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('report-year', () => {
  plantedErrors(
    'report-year',
    [
      { file: ZHUZHOU_TEXT, line: 463, from: '2023年度收、支总计', to: '2022年度收、支总计', severity: 'error' },
      { file: ZHUZHOU_TEXT, line: 655, from: '截止2023年12月31日', to: '截止2022年12月31日', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
});
