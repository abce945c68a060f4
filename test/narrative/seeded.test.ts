import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../../src/engine/run.js';
import { checkPath as check } from '../support/fixtures.js';
import { RULES } from '../../src/rules/index.js';

const NARRATIVE = new Set(RULES.filter((r) => r.meta.tags.includes('narrative')).map((r) => r.meta.id));

/** The defects planted in the seeded Putuo document, as a reader of the two texts finds them. */
const PLANTED: Array<{ rule: string; text: RegExp; what: string }> = [
  { rule: 'table-missing', text: /支出决算表/, what: 'the 支出决算表 was removed' },
  { rule: 'placeholder-text', text: /XX/, what: '上海市普陀区XX局 in the title of 第二部分' },
  { rule: 'report-year', text: /2023年度部门决算/, what: 'the 第三部分 heading says 2023年度' },
  { rule: 'report-year', text: /截至2023年12月31日/, what: 'the asset date says 2023' },
  { rule: 'narrative-amount', text: /收入支出总计.*0万元/, what: '收入支出总计 0 万元 (the table: 2,995.39)' },
  { rule: 'narrative-direction', text: /1511\.89.*1560\.05|决算数大于预算数.*1511/, what: '行政运行: 决算数大于预算数 with 1,511.89 < 1,560.05' },
  { rule: 'narrative-direction', text: /80\.38.*80\.81/, what: '职业年金: 决算数大于预算数 with 80.38 < 80.81' },
  { rule: 'narrative-direction', text: /60\.99.*62\.29/, what: '行政单位医疗: 决算数等于预算数 with 60.99 ≠ 62.29' },
  { rule: 'narrative-amount', text: /预算数合计.*0\.95/, what: 'the 三公 budget 0.95 is gone from the table' },
  { rule: 'doubled-punctuation', text: /。。/, what: '。。 in 名词解释' },
];

describe.each([
  ['as published PDF', 'pdf'],
  ['as plain extracted text (empty cells gone)', 'txt'],
])('the seeded Putuo document, %s', (_shape, ext) => {
  let seeded: CheckedDocument;
  let original: CheckedDocument;
  beforeAll(async () => {
    seeded = await check(`fixtures/putuo-finance-2024-seeded.${ext}`);
    original = await check(`fixtures/putuo-finance-2024.${ext}`);
  }, 60_000);

  it.each(PLANTED)('finds the planted defect: $what', ({ rule, text }) => {
    const hit = seeded.findings.find((f) => f.rule === rule && f.status === 'fail' && text.test(f.message));
    expect(hit, seeded.findings.filter((f) => f.rule === rule).map((f) => f.message).join('\n')).toBeDefined();
  });

  it.each(PLANTED)('gives no such error on the original: $what', ({ rule, text }) => {
    expect(original.findings.filter((f) => f.rule === rule && f.status === 'fail' && text.test(f.message))).toEqual([]);
  });

  it('reports on the original only its two real slips, and nothing planted', () => {
    expect(original.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      expect.stringContaining('财政拨款收入支出总计'),
      expect.stringContaining('71.73%'),
    ]);
  });

  it('fails no table or cross-table check on either document, however few cells the text placed', () => {
    const tableErrors = (d: CheckedDocument) => d.findings.filter((f) => f.status === 'fail' && !NARRATIVE.has(f.rule) && f.severity === 'error');
    expect(tableErrors(original)).toEqual([]);
    expect(tableErrors(seeded).map((f) => f.rule)).toEqual(['table-missing']);
  });
});

it('finds the garbled character the seeded text carries (0� for a vehicle count)', async () => {
  const seeded = await check('fixtures/putuo-finance-2024-seeded.txt');
  const original = await check('fixtures/putuo-finance-2024.txt');
  expect(seeded.findings.filter((f) => f.rule === 'garbled-text').map((f) => f.locations[0]?.line)).toEqual([456]);
  expect(original.findings.filter((f) => f.rule === 'garbled-text')).toEqual([]);
});
