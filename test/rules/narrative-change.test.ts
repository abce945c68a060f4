import { describe } from 'vitest';
import { misprintReportedOnce, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-change', () => {
  plantedErrors(
    'narrative-change',
    [
      { file: ZHUZHOU_TEXT, line: 463, from: '减少27.2%', to: '减少25.2%', severity: 'error' },
      { file: ZHUZHOU_TEXT, line: 463, from: '减少27.2%', to: '增长27.2%', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
  // 收支总计 9,250.13 against the table's 9,205.13; 减少27.2% recomputes from the table's figure.
  misprintReportedOnce('narrative-change', { file: ZHUZHOU_TEXT, line: 463, from: '9205.13万元', to: '9250.13万元', expected: '9205.13' });
});
