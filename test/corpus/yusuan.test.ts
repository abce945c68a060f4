import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { discover, loadDocument } from '../../src/load/index.js';
import { partnersOf } from '../../src/sets/check.js';
import { digestOf, type DocumentDigest } from '../../src/sets/digest.js';
import { budgetPrevious } from '../../src/sets/rules/budget-previous.js';
import { doc, errorsOf, SLOW } from './support.js';

/**
 * The 江苏 部门预算 folder: two departments, 2017–2019, each year a 说明 and a 表 in two PDFs, read
 * as six documents (docs/inputs.md, Documents in two files).
 */
describe('yusuan/, searched as a folder', () => {
  it('pairs each 说明 with its 表: six documents of twelve tables each', async () => {
    const sources = await discover([doc('yusuan')]);
    expect(sources.map((s) => [basename(s.source), 'parts' in s ? (s.parts ?? []).map((p) => basename(p)) : []])).toEqual([
      ['江苏省委办公厅2017年部门预算.pdf', ['江苏省委办公厅2017年预算公开表格.pdf']],
      ['江苏省委办公厅2018年度部门预算公开文件.pdf', ['江苏省委办公厅2018年度部门预算公开表.pdf']],
      ['江苏省委办公厅2019年度部门预算公开文件.pdf', ['江苏省委办公厅2019年度部门预算公开表格.pdf']],
      ['江苏省政协办公厅2017年度部门预算.pdf', ['江苏省政协办公厅2017年度部门预算公开表.pdf']],
      ['江苏省政协办公厅2018年度部门预算.pdf', ['江苏省政协办公厅2018度部门预算公开表.pdf']],
      ['江苏省政协办公厅2019年度部门预算.pdf', ['江苏省政协办公厅2019年预算公开表.pdf']],
    ]);
    const errors: string[] = [];
    for (const source of sources) {
      const loaded = await loadDocument(source);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
      const checked = checkDocument(loaded.value);
      expect(checked.family.id, source.source).toBe('budget');
      expect(checked.tables.filter((t) => t.found).length, source.source).toBe(12);
      // Only the 政府性基金 table is printed without figures (“本部门无该项目”); 政府采购 has its 合计.
      expect(checked.tables.filter((t) => t.empty).map((t) => t.key), source.source).toEqual(['budget-gov-fund']);
      expect(loaded.value.year?.value, source.source).toBe(Number(/20\d{2}/.exec(basename(source.source))?.[0]));
      for (const f of errorsOf(checked)) errors.push(`${basename(source.source)} ${f.rule}`);
    }
    // The two growth rates of families.test.ts, nothing else: the tables of each pair agree.
    expect(errors).toEqual(['江苏省委办公厅2017年部门预算.pdf narrative-change', '江苏省政协办公厅2018年度部门预算.pdf narrative-change']);
  }, SLOW * 3);
});

describe('yusuan/: each 预算 reconciled with the year before', () => {
  it('checks the 比上年 claims of 2018 and 2019 against the previous year’s tables, all holding', async () => {
    const digests: DocumentDigest[] = [];
    for (const source of await discover([doc('yusuan')])) {
      const loaded = await loadDocument(source);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
      digests.push(digestOf(loaded.value, 'budget'));
    }
    const checked = digests.flatMap((d) => {
      const previous = partnersOf(d, digests, {}, 'en').get('previous')?.other;
      if (!previous) return [];
      return budgetPrevious.check(d, previous).map((r) => `${d.year} ${basename(d.source).slice(0, 7)} ${r.key} ${r.status} ${r.expected} = ${r.actual}`);
    });
    // 2018 省委办公厅: 24,458.43 − 3,608.98 = 20,849.45 (2017 收入合计); 一般公共预算 24,458.43 − 3,756.18 =
    // 20,702.25; 2019: 27,664.22 − 3,205.79 = 24,458.43. 政协办公厅 2018: 10,150.48 − 1,003.69 = 9,146.79,
    // 10,070.48 − 1,003.69 = 9,066.79; 2019: 13,377.11 − 3,226.63 = 10,150.48, 13,297.11 − 3,226.63 = 10,070.48.
    // The 财政拨款 claims give only the change; this year's 财政拨款收支预算总表 gives the figure.
    expect(checked).toEqual([
      '2018 江苏省委办公厅 previous/total pass 20849.45 = 20849.45',
      '2018 江苏省委办公厅 previous/fiscal pass 20702.25 = 20702.25',
      '2018 江苏省委办公厅 previous/general pass 20702.25 = 20702.25',
      '2019 江苏省委办公厅 previous/total pass 24458.43 = 24458.43',
      '2019 江苏省委办公厅 previous/fiscal pass 24458.43 = 24458.43',
      '2019 江苏省委办公厅 previous/general pass 24458.43 = 24458.43',
      '2018 江苏省政协办公 previous/total pass 9146.79 = 9146.79',
      '2018 江苏省政协办公 previous/fiscal pass 9066.79 = 9066.79',
      '2018 江苏省政协办公 previous/general pass 9066.79 = 9066.79',
      '2019 江苏省政协办公 previous/total pass 10150.48 = 10150.48',
      '2019 江苏省政协办公 previous/fiscal pass 10070.48 = 10070.48',
      '2019 江苏省政协办公 previous/general pass 10070.48 = 10070.48',
    ]);
  }, SLOW * 3);
});
