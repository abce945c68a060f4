import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/load/index.js';
import { REPORT_SIGNATURE } from '../../src/version.js';
import { run } from '../support/cli.js';

const ZHUZHOU_TEXT = 'fixtures/zhuzhou-hrss-2023.txt';
const STRAY = '姓名,电话\r\n张三,0731-12345678\r\n';

/**
 * A city's disclosures in one tree: department folders (a CSV folder with a stray contact list in
 * it, a workbook, then texts; fifteen in all unless fewer are asked for), and a contact list and a
 * README at the top.
 */
function cityTree(departments = 15): string {
  const root = mkdtempSync(join(tmpdir(), 'zjs-city-'));
  const data = join(root, 'data');
  mkdirSync(data);
  writeFileSync(join(data, '联系人.csv'), STRAY);
  writeFileSync(join(data, 'README.md'), '# 各部门决算公开文件\n');
  for (let n = 1; n <= departments; n++) {
    const dept = join(data, `dept${String(n).padStart(2, '0')}`);
    if (n === 1) {
      cpSync('fixtures/zhuzhou-hrss-2023-csv', dept, { recursive: true });
      writeFileSync(join(dept, '联系人.csv'), STRAY);
    } else if (n === 2) {
      mkdirSync(dept);
      copyFileSync('fixtures/zhuzhou-hrss-2023.xlsx', join(dept, 'book.xlsx'));
    } else {
      mkdirSync(dept);
      copyFileSync(ZHUZHOU_TEXT, join(dept, 'disclosure.txt'));
    }
  }
  return data;
}

interface JsonReport {
  summary: { documents: number };
  documents: Array<{ source: string; findings: unknown[] }>;
}
const documents = (stdout: string): number => (JSON.parse(stdout) as JsonReport).summary.documents;
/** What was checked: each document's source and findings, and the totals. */
const checked = (stdout: string): unknown => {
  const report = JSON.parse(stdout) as JsonReport;
  return { summary: report.summary, documents: report.documents.map((d) => [d.source, d.findings]) };
};

describe('searching a tree of documents', () => {
  let data: string;
  beforeAll(() => {
    data = cityTree();
  });

  it('passes over a stray CSV file (at the top, and beside the sheets of a CSV folder) and checks all fifteen documents', async () => {
    const result = await run(['check', data, '-f', 'json', '--verbose']);
    expect(result.code).toBe(1); // the Zhuzhou document has three real errors
    expect(documents(result.stdout)).toBe(15);
    const ignored = result.stderr.split('\n').filter((l) => l.includes('已忽略'));
    expect(ignored).toEqual([`zjs: 已忽略 ${join(data, '联系人.csv')}（不是决算公开表的 CSV 文件）`, `zjs: 已忽略 ${join(data, 'dept01', '联系人.csv')}（不是决算公开表的 CSV 文件）`]);
  });

  it('lists nothing it passes over without --verbose', async () => {
    const small = cityTree(1);
    const verbose = await run(['check', small, '-f', 'json', '--verbose']);
    const quiet = await run(['check', small, '-f', 'json']);
    expect(verbose.stderr).toContain('联系人.csv');
    expect(quiet.stderr).not.toContain('联系人.csv');
    expect(checked(quiet.stdout)).toEqual(checked(verbose.stdout));
  });

  it('never reads back a report written into the tree it checks', async () => {
    const tree = cityTree(4);
    const first = await run(['check', tree, '-f', 'csv', '-o', join(tree, 'report.csv'), '-f', 'xlsx', '-o', join(tree, 'dept03', 'report.xlsx'), '-f', 'markdown', '-o', join(tree, 'report.md'), '-f', 'text', '-o', join(tree, 'dept02', 'report.txt'), '-f', 'json', '--lang', 'en']);
    expect(first.code).toBe(1);
    // A text report carrying the signature, which would otherwise read as the document it quotes.
    writeFileSync(join(tree, 'dept04', 'report.txt'), `${REPORT_SIGNATURE} 0.1.0\n${readFileSync(ZHUZHOU_TEXT, 'utf8')}`);
    const second = await run(['check', tree, '-f', 'json', '--verbose', '--lang', 'en']);
    expect(second.code).toBe(1);
    expect(documents(second.stdout)).toBe(4);
    expect(checked(second.stdout)).toEqual(checked(first.stdout));
    for (const file of [join(tree, 'report.csv'), join(tree, 'report.md'), join(tree, 'dept02', 'report.txt'), join(tree, 'dept03', 'report.xlsx'), join(tree, 'dept04', 'report.txt')]) {
      expect(second.stderr).toContain(`zjs: ignored ${file} (a report zjs wrote)`);
    }
  });

  it('passes over paths matching --ignore, with gitignore semantics relative to the folder given', async () => {
    const result = await run(['check', data, '-f', 'json', '--ignore', 'dept1*/', '--ignore', '!dept15/', '--ignore', '/dept03/disclosure.txt', '--verbose']);
    expect(result.code).toBe(1);
    // dept10–dept14 and dept03's text are passed over; dept15 is kept by the negation.
    expect(documents(result.stdout)).toBe(9);
    expect(result.stderr).toContain(`已忽略 ${join(data, 'dept10')}（符合 --ignore）`);
    expect(result.stderr).not.toContain(join(data, 'dept15'));
    const found = await search([data], { ignore: ['*.txt', 'README.md'] });
    expect(found.sources.map((s) => s.kind)).toEqual(['csv-folder', 'xlsx']);
    // A file named on the command line is read whatever the patterns say.
    const named = await search([join(data, 'dept05', 'disclosure.txt')], { ignore: ['*.txt'] });
    expect(named.sources.map((s) => s.kind)).toEqual(['text']);
  });

  it('still takes a folder with no table sheet among its CSV files as no document of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-stray-'));
    writeFileSync(join(dir, '联系人.csv'), STRAY);
    const result = await run(['check', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/未找到可检查的文档/);
  });
});
