import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { correctedValues, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-arithmetic', () => {
  plantedErrors(
    'narrative-arithmetic',
    [
      { file: ZHUZHOU_TEXT, line: 760, from: '实际支出 223.12', to: '实际支出 232.12', severity: 'error' },
    ],
    [SYNTHETIC],
  );
  correctedValues('narrative-arithmetic', [
    { file: ZHUZHOU_TEXT, line: 796, from: '实际支出 35.89', to: '实际支出 36' },
  ]);
  it('reports the Zhuzhou document\'s own slip at line 796', () => {
    const doc = checkText(readFixture(ZHUZHOU_TEXT), ZHUZHOU_TEXT);
    const hits = doc.findings.filter((f) => f.rule === 'narrative-arithmetic' && f.status === 'fail');
    expect(hits.map((f) => [f.locations[0]?.line, f.severity])).toEqual([[796, 'error']]);
    expect(hits[0]?.sentence?.text).toBeTruthy();
  });
});
