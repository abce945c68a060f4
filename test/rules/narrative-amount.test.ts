import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { correctedValues, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-amount', () => {
  plantedErrors(
    'narrative-amount',
    [
      { file: ZHUZHOU_TEXT, line: 467, from: '本年收入合计9205.13万元', to: '本年收入合计9205.31万元', severity: 'error' },
      // A class in a list, its share changed with it: only the amount against the 205 row shows it.
      { file: ZHUZHOU_TEXT, line: 487, from: '教育（类）支出620万元，占6.7%', to: '教育（类）支出602万元，占6.5%', severity: 'error' },
    ],
    [SYNTHETIC],
  );
  correctedValues('narrative-amount', [
    { file: ZHUZHOU_TEXT, line: 517, from: '支出决算为632.11万元', to: '支出决算为670.77万元' },
  ]);
  it('reports the Zhuzhou document\'s own slip at line 517', () => {
    const doc = checkText(readFixture(ZHUZHOU_TEXT), ZHUZHOU_TEXT);
    const hits = doc.findings.filter((f) => f.rule === 'narrative-amount' && f.status === 'fail');
    expect(hits.map((f) => [f.locations[0]?.line, f.severity])).toEqual([[517, 'error']]);
    expect(hits[0]?.sentence?.text).toBeTruthy();
  });
});
