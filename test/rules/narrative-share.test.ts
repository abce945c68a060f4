import { describe } from 'vitest';
import { correctedValues, misprintReportedOnce, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-share', () => {
  plantedErrors(
    'narrative-share',
    [
      { file: ZHUZHOU_TEXT, line: 487, from: '占6.7%', to: '占6.9%', severity: 'error' },
      { file: SYNTHETIC, line: 326, from: '占61.2%', to: '占61.9%', severity: 'error' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );
  // The whole of 其中…占X% is the figure just before 其中, not a figure earlier in the sentence
  // (pdftotext -layout can put the end of the previous sentence there).
  // 教育（类）602 against the table's 620; 占6.7% recomputes from the table's figure.
  misprintReportedOnce('narrative-share', { file: ZHUZHOU_TEXT, line: 487, from: '教育（类）支出620万元', to: '教育（类）支出602万元', expected: '620.00' });
  correctedValues('narrative-share', [{ file: SYNTHETIC, line: 326, from: '本年支出合计', to: '240万元，占10.53%；本年支出合计' }]);
});
