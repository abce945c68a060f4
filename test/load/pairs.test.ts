import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover, loadDocument } from '../../src/load/index.js';
import { nameKey, pairFiles } from '../../src/load/pairs.js';
import { run } from '../support/cli.js';
import { BUDGET_2024 } from '../support/planted.js';

describe('a 说明 and a 表 of the same department, year and kind are one document', () => {
  it('reads department, year, kind and whether the file holds the tables from a file name', () => {
    expect(nameKey('/d/示例市示例局2024年度部门预算.pdf')).toEqual({ department: '示例市示例局', year: 2024, kind: 'budget', tables: false });
    expect(nameKey('/d/示例市示例局2024度部门预算公开表.pdf')).toEqual({ department: '示例市示例局', year: 2024, kind: 'budget', tables: true });
    expect(nameKey('/d/示例市示例局2024年预算公开表格.pdf')?.tables).toBe(true);
    expect(nameKey('/d/示例市示例局2023年度部门决算.pdf')?.kind).toBe('final');
    expect(nameKey('/d/report.pdf')).toBeUndefined();
  });

  it('pairs only one 说明 with one 表 of the same folder, department, year and kind, 说明 first', () => {
    expect(
      pairFiles([
        '/d/示例市示例局2024年预算公开表格.pdf',
        '/d/示例市示例局2024年部门预算.pdf',
        '/d/示例市示例局2023年部门预算.pdf',
        '/d/示例市示例局2024年度部门决算.pdf',
        '/e/示例市示例局2023年预算公开表.pdf',
      ]),
    ).toEqual([['/d/示例市示例局2024年部门预算.pdf', '/d/示例市示例局2024年预算公开表格.pdf'], ['/d/示例市示例局2023年部门预算.pdf'], ['/d/示例市示例局2024年度部门决算.pdf'], ['/e/示例市示例局2023年预算公开表.pdf']]);
    // Two 表 and one 说明: which 表 goes with it is not certain, so none is paired.
    expect(pairFiles(['/d/甲局2024年部门预算.pdf', '/d/甲局2024年预算公开表.pdf', '/d/甲局2024年预算公开表格.pdf'])).toHaveLength(3);
  });

  describe('found in a folder, a generated budget split in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-pairs-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const text = readFileSync(BUDGET_2024, 'utf8');
    const cut = text.indexOf('第四部分');
    writeFileSync(join(dir, '示例市示例局2024年部门预算.txt'), text.slice(0, cut));
    writeFileSync(join(dir, '示例市示例局2024年部门预算公开表.txt'), text.slice(cut));

    it('is one source whose 表 is a part read after the 说明', async () => {
      const sources = await discover([dir]);
      expect(sources).toEqual([
        { kind: 'text', source: join(dir, '示例市示例局2024年部门预算.txt'), file: join(dir, '示例市示例局2024年部门预算.txt'), searched: true, parts: [join(dir, '示例市示例局2024年部门预算公开表.txt')] },
      ]);
    });

    it('reads as one 部门预算: the twelve tables of the 表 and the narrative of the 说明', async () => {
      const [source] = await discover([dir]);
      if (!source) throw new Error('no source');
      const loaded = await loadDocument(source);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
      expect(Object.keys(loaded.value.tables)).toHaveLength(12);
      expect(loaded.value.files).toEqual([join(dir, '示例市示例局2024年部门预算.txt'), join(dir, '示例市示例局2024年部门预算公开表.txt')]);
      expect(loaded.value.narrative.some((l) => /收支预算总额2,090.00万元/.test(l.text))).toBe(true);
      expect(loaded.value.year?.value).toBe(2024);
      expect(loaded.value.department?.name).toBe('示例市示例局');
    });

    it('given as two files on the command line, is one document, as in the folder', async () => {
      const r = await run(['check', join(dir, '示例市示例局2024年部门预算.txt'), join(dir, '示例市示例局2024年部门预算公开表.txt'), '-f', 'json']);
      const report = JSON.parse(r.stdout) as { documents: Array<{ source: string; tables: Array<{ found: boolean }> }> };
      expect(report.documents.map((d) => [d.source, d.tables.filter((t) => t.found).length])).toEqual([[join(dir, '示例市示例局2024年部门预算.txt'), 12]]);
    });

    it('given alone, the 表 is a document of its own', async () => {
      const sources = await discover([join(dir, '示例市示例局2024年部门预算公开表.txt')]);
      expect(sources.map((s) => ('parts' in s ? s.parts : undefined))).toEqual([undefined]);
    });
  });
});
