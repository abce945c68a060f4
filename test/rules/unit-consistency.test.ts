import { describe, expect, it } from 'vitest';
import { checkText, plant, readFixture } from '../support/fixtures.js';
import { SYNTHETIC, SYNTHETIC_YUAN } from '../support/planted.js';

describe('unit-consistency', () => {
  it('is silent when every table states the same unit, 万元 or 元', () => {
    for (const file of [SYNTHETIC, SYNTHETIC_YUAN]) {
      expect(checkText(readFixture(file), file).findings.filter((f) => f.rule === 'unit-consistency')).toEqual([]);
    }
  });

  it('notes a table without a unit line, read in the document unit', () => {
    const doc = checkText(plant(readFixture(SYNTHETIC), 192, '金额单位：万元', ''), SYNTHETIC);
    const notes = doc.findings.filter((f) => f.rule === 'unit-consistency');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info' });
    expect(notes[0]?.message).toContain('一般公共预算财政拨款支出决算表');
  });

  it('warns when tables mix 元 and 万元, and still compares them after converting', () => {
    const yuan = readFixture(SYNTHETIC_YUAN).split('\n');
    const wan = readFixture(SYNTHETIC).split('\n');
    // The 三公 table (lines 297–310) in 元, the rest in 万元: converted, every identity still holds.
    const mixed = [...wan.slice(0, 296), ...yuan.slice(296, 310), ...wan.slice(310)].join('\n');
    const doc = checkText(mixed, SYNTHETIC);
    expect(doc.findings.filter((f) => f.rule === 'unit-consistency').map((f) => f.severity)).toEqual(['warning']);
    expect(doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
