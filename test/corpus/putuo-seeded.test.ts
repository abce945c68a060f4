import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, type CheckedDocument } from '../../src/engine/run.js';
import { TABLE_KEYS } from '../../src/model/document.js';
import { at, load, NARRATIVE_RULES, SLOW } from './support.js';

/** The defects planted in putuo-finance-2024-seeded (.pdf and .txt), as a reader of the two finds them. */
const PLANTED: Array<{ rule: string; text: RegExp; what: string }> = [
  { rule: 'table-missing', text: /支出决算表/, what: 'the 支出决算表 was removed' },
  { rule: 'placeholder-text', text: /XX/, what: '上海市普陀区XX局 in the title of 第二部分' },
  { rule: 'report-year', text: /2023年度部门决算/, what: 'the 第三部分 heading says 2023年度' },
  { rule: 'report-year', text: /截至2023年12月31日/, what: 'the asset date says 2023' },
  { rule: 'narrative-amount', text: /收入支出总计.*0万元/, what: '收入支出总计 0 万元 (the table: 2,995.39)' },
  { rule: 'narrative-direction', text: /1511\.89.*1560\.05/, what: '行政运行: 决算数大于预算数 with 1,511.89 < 1,560.05' },
  { rule: 'narrative-direction', text: /80\.38.*80\.81/, what: '职业年金: 决算数大于预算数 with 80.38 < 80.81' },
  { rule: 'narrative-direction', text: /60\.99.*62\.29/, what: '行政单位医疗: 决算数等于预算数 with 60.99 ≠ 62.29' },
  { rule: 'narrative-amount', text: /预算数合计.*0\.95/, what: 'the 三公 budget 0.95 is gone from the table' },
  { rule: 'doubled-punctuation', text: /。。/, what: '。。 in 名词解释' },
];

describe.each([
  ['as published PDF', 'pdf'],
  ['as plain extracted text (empty cells gone)', 'txt'],
])('putuo-finance-2024-seeded, %s', (_shape, ext) => {
  let seeded: CheckedDocument;
  let original: CheckedDocument;
  beforeAll(async () => {
    const doc = await load(`putuo-finance-2024-seeded.${ext}`);
    expect(TABLE_KEYS.filter((k) => !doc.tables[k])).toEqual(['expense']);
    seeded = checkDocument(doc);
    original = checkDocument(await load(`putuo-finance-2024.${ext}`));
  }, SLOW);

  it.each(PLANTED)('finds the planted defect: $what', ({ rule, text }) => {
    const hit = seeded.findings.find((f) => f.rule === rule && f.status === 'fail' && text.test(f.message));
    expect(hit, seeded.findings.filter((f) => f.rule === rule).map((f) => f.message).join('\n')).toBeDefined();
  });

  it.each(PLANTED)('gives no such finding on the original: $what', ({ rule, text }) => {
    expect(original.findings.filter((f) => f.rule === rule && f.status === 'fail' && text.test(f.message))).toEqual([]);
  });

  it('fails no table check on the seeded copy but the missing table, and reports no error beyond the planted ones and the two real slips', () => {
    expect(seeded.findings.filter((f) => f.severity === 'error' && !NARRATIVE_RULES.has(f.rule)).map((f) => f.rule)).toEqual(['table-missing']);
    const planted = (m: string) => PLANTED.some((p) => p.text.test(m));
    const other = seeded.findings.filter((f) => f.severity === 'error' && !planted(f.message));
    // The seeded copy corrected 财政拨款收入支出总计 (now 2961.68); the 71.73% share slip stays.
    expect(other.map((f) => `${f.rule} ${at(f)}: ${f.message}`)).toEqual([expect.stringMatching(/^narrative-share .*71\.73%/)]);
  });
});

it('finds the garbled character the seeded text carries (0� for a vehicle count) at its line', async () => {
  const seeded = checkDocument(await load('putuo-finance-2024-seeded.txt'));
  expect(seeded.findings.filter((f) => f.rule === 'garbled-text').map((f) => f.locations[0]?.line)).toEqual([456]);
});
