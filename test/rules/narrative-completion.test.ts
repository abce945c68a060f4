import { describe } from 'vitest';
import { misprintReportedOnce, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-completion', () => {
  plantedErrors(
    'narrative-completion',
    [
      { file: ZHUZHOU_TEXT, line: 513, from: '完成年初预算的97.6%', to: '完成年初预算的97.9%', severity: 'error' },
      { file: ZHUZHOU_TEXT, line: 535, from: '支出决算为11.84万元，', to: '支出决算为11.84万元，完成年初预算的100%，', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
  // 支出决算 3,443.35 against the table's 3,434.35; 97.6% recomputes from the table's figure.
  misprintReportedOnce('narrative-completion', { file: ZHUZHOU_TEXT, line: 513, from: '支出决算为3434.35万元', to: '支出决算为3443.35万元', expected: '3434.35' });
});
