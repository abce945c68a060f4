import { describe, expect, it } from 'vitest';
import { checkText, plant, readFixture } from '../support/fixtures.js';
import { SYNTHETIC } from '../support/planted.js';

describe('table-missing', () => {
  it('reports nothing when all nine tables are there, empty ones included', () => {
    for (const file of [SYNTHETIC, 'fixtures/zhuzhou-hrss-2023.txt']) {
      expect(checkText(readFixture(file), file).findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    }
  });

  it('reports a table whose title is not there, and the rules that needed it say they were skipped', () => {
    const text = plant(readFixture(SYNTHETIC), 297, '财政拨款“三公”经费支出决算表', '附表');
    const doc = checkText(text, SYNTHETIC);
    const missing = doc.findings.filter((f) => f.rule === 'table-missing');
    expect(missing.map((f) => f.id)).toEqual(['table-missing:missing/three-public']);
    expect(missing[0]).toMatchObject({ severity: 'error', status: 'fail' });
    expect(missing[0]?.message).toContain('财政拨款“三公”经费支出决算表');
    const skipped = doc.findings.filter((f) => f.status === 'skipped' && f.id.endsWith('missing/three-public'));
    expect(skipped.map((f) => f.rule).sort()).toEqual(['cross-three-public-basic', 'three-public-sum']);
  });
});
