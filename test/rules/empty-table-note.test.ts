import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { correctedValues, plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('empty-table-note', () => {
  plantedErrors(
    'empty-table-note',
    [
      { file: ZHUZHOU_TEXT, line: 437, from: '本单位没有使用国有资本经营预算安排的支出', to: '本单位没有使用政府性基金预算安排的支出', severity: 'error' },
    ],
    [SYNTHETIC],
  );
  correctedValues('empty-table-note', [
    { file: ZHUZHOU_TEXT, line: 420, from: '本单位没有使用国有资本经营预算安排的支出', to: '本单位没有使用政府性基金预算安排的支出' },
  ]);
  it('reports the Zhuzhou document\'s own slip at line 420', () => {
    const doc = checkText(readFixture(ZHUZHOU_TEXT), ZHUZHOU_TEXT);
    const hits = doc.findings.filter((f) => f.rule === 'empty-table-note' && f.status === 'fail');
    expect(hits.map((f) => [f.locations[0]?.line, f.severity])).toEqual([[420, 'error']]);
    expect(hits[0]?.sentence?.text).toBeTruthy();
  });
});
