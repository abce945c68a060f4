import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { SYNTHETIC, ZHUZHOU_TEXT } from '../support/planted.js';

const ids = (text: string, file = ZHUZHOU_TEXT) => checkText(text, file).findings.filter((f) => f.rule === 'required-sections').map((f) => f.id);

describe('required-sections', () => {
  it('finds every required section in the Zhuzhou narrative', () => {
    expect(ids(readFixture(ZHUZHOU_TEXT))).toEqual([]);
  });

  it('reports a section the narrative lacks', () => {
    const text = readFixture(ZHUZHOU_TEXT).replaceAll('政府采购', '采买').replaceAll('名词解释', '术语');
    expect(ids(text)).toEqual(['required-sections:glossary', 'required-sections:procurement']);
  });

  it('asks for 三公 details only where the spending exists', () => {
    // Zhuzhou spent nothing abroad: no 团组 needed. Its reception spending needs the groups received.
    const text = readFixture(ZHUZHOU_TEXT).replace('全年共接待来访团组83个、来宾951人次', '全年接待工作平稳');
    expect(ids(text)).toEqual(['required-sections:three-public-reception']);
  });

  it('says once that a document has no narrative, rather than listing every section', () => {
    const tablesOnly = readFixture(SYNTHETIC).split('第三部分')[0] ?? '';
    expect(ids(tablesOnly, SYNTHETIC)).toEqual(['required-sections:none']);
  });
});
