import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';

// Documents whose findings cover every rule that quotes text: placeholders, doubled punctuation,
// garbled characters and a wrong reporting year (seeded), and the Zhuzhou narrative errors.
const DOCUMENTS = ['fixtures/shanghai-sample-2024-seeded.txt', 'fixtures/zhuzhou-hrss-2023.txt'];

describe('finding ids', () => {
  for (const path of DOCUMENTS) {
    it(`stay the same when ${path} moves and gains lines above every finding`, () => {
      const text = readFixture(path);
      const here = checkText(text, path);
      const there = checkText(`\n\n\n${text}`, 'elsewhere/renamed/copy.txt');
      expect(here.findings.length).toBeGreaterThan(5);
      expect(there.findings.map((f) => f.id)).toEqual(here.findings.map((f) => f.id));
      // The lines did move: the ids did not.
      expect(there.findings.filter((f, i) => f.locations[0]?.line === (here.findings[i]?.locations[0]?.line ?? 0) + 3).length).toBeGreaterThan(5);
      for (const f of here.findings) {
        expect(f.id, f.id).not.toContain(path);
        expect(f.id.startsWith(`${f.rule}:`), f.id).toBe(true);
      }
    });
  }

  it('quote the text of the four rules that used to name a path and line', () => {
    const seeded = checkText(readFixture('fixtures/shanghai-sample-2024-seeded.txt'), 'fixtures/shanghai-sample-2024-seeded.txt');
    const quoted = seeded.findings.filter((f) => ['placeholder-text', 'doubled-punctuation', 'garbled-text', 'report-year'].includes(f.rule)).map((f) => f.id);
    expect(quoted).toEqual(
      expect.arrayContaining([
        'placeholder-text:narrative/第二部分示例区[XX]局2024年度部',
        'report-year:截至[2023]年12月31日，',
        'doubled-punctuation:narrative/经营预算财政拨款[。。]',
        'garbled-text:narrative/示例局共有车辆2[�]辆，其中：机要通',
      ]),
    );
  });
});
