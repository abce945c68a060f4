import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { discover, loadDocument } from '../../src/load/index.js';
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
      expect(loaded.value.year?.value, source.source).toBe(Number(/20\d{2}/.exec(basename(source.source))?.[0]));
      for (const f of errorsOf(checked)) errors.push(`${basename(source.source)} ${f.rule}`);
    }
    // The two growth rates of families.test.ts, nothing else: the tables of each pair agree.
    expect(errors).toEqual(['江苏省委办公厅2017年部门预算.pdf narrative-change', '江苏省政协办公厅2018年度部门预算.pdf narrative-change']);
  }, SLOW * 3);
});
