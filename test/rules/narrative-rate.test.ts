import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { correctedValues, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('narrative-rate', () => {
  plantedErrors(
    'narrative-rate',
    [
      { file: ZHUZHOU_TEXT, line: 748, from: '结案率达 92.1%', to: '结案率达 90.1%', severity: 'warning' },
    ],
    [SYNTHETIC],
  );
  correctedValues('narrative-rate', [
    { file: ZHUZHOU_TEXT, line: 748, from: '结案率达 92.1%', to: '结案率达 93.8%' },
  ]);
  it('reports the Zhuzhou document\'s own slip at line 748', () => {
    const doc = checkText(readFixture(ZHUZHOU_TEXT), ZHUZHOU_TEXT);
    const hits = doc.findings.filter((f) => f.rule === 'narrative-rate' && f.status === 'fail');
    expect(hits.map((f) => [f.locations[0]?.line, f.severity])).toEqual([[748, 'warning']]);
    expect(hits[0]?.sentence?.text).toBeTruthy();
  });
});
