import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { correctedValues, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-subject-name', () => {
  plantedErrors(
    'narrative-subject-name',
    [
      { file: ZHUZHOU_TEXT, line: 493, from: '中等职业教育（项）', to: '中等职业教肓（项）', severity: 'warning' },
    ],
    [SYNTHETIC],
  );
  correctedValues('narrative-subject-name', [
    { file: ZHUZHOU_TEXT, line: 505, from: '其他科学技支出', to: '其他科学技术支出' },
  ]);
  it('reports the Zhuzhou document\'s own slip at line 505', () => {
    const doc = checkText(readFixture(ZHUZHOU_TEXT), ZHUZHOU_TEXT);
    const hits = doc.findings.filter((f) => f.rule === 'narrative-subject-name' && f.status === 'fail');
    expect(hits.map((f) => [f.locations[0]?.line, f.severity])).toEqual([[505, 'warning']]);
    expect(hits[0]?.sentence?.text).toBeTruthy();
  });
});
