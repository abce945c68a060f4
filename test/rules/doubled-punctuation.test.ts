import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { plantedErrors, SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

describe('doubled-punctuation', () => {
  plantedErrors(
    'doubled-punctuation',
    [
      { file: ZHUZHOU_TEXT, line: 467, from: '占100.0%。', to: '占100.0%。。', severity: 'warning' },
    ],
    [SYNTHETIC, ZHUZHOU_TEXT],
  );

  it('quotes a bounded excerpt of a long line: ten thousand slips on one line give ten thousand short findings', () => {
    const line = '、、1'.repeat(10_000);
    const doc = checkText(`${readFixture(ZHUZHOU_TEXT)}\n${line}\n`);
    const found = doc.findings.filter((f) => f.rule === 'doubled-punctuation');
    expect(found).toHaveLength(10_000);
    for (const f of found) {
      expect(f.message.length).toBeLessThan(140);
      expect(f.sentence?.text.length ?? 0).toBeLessThan(100);
    }
    expect(found[100]?.message).toMatch(/^重复的标点“、、”：…1、、1/);
  });
});
