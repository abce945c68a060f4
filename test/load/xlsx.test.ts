import { comparable } from '../support/compare.js';
import type { Finding } from '../../src/model/finding.js';
import { RULES } from '../../src/rules/index.js';

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { discover, loadDocument } from '../../src/load/index.js';
import { amountFormat, amountText } from '../../src/load/xlsx-number.js';
import { run } from '../support/cli.js';
import { checkPath } from '../support/fixtures.js';

const NARRATIVE = new Set(RULES.filter((r) => r.meta.tags.includes('narrative')).map((r) => r.meta.id));
const XLSX = 'fixtures/zhuzhou-hrss-2023.xlsx';
const dir = mkdtempSync(join(tmpdir(), 'zjs-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(path: string) {
  const [source] = await discover([path]);
  if (!source) throw new Error(`nothing found at ${path}`);
  return loadDocument(source);
}


type Value = string | number | { formula: string; result?: number | string } | null;

/** A workbook from sheets of rows; numbers get the given format. */
async function workbook(name: string, sheets: Record<string, Value[][]>, options: { numFmt?: string; merges?: Record<string, string[]>; hidden?: string[] } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [title, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(title, options.hidden?.includes(title) ? { state: 'hidden' } : {});
    rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        if (typeof value !== 'string' && options.numFmt) cell.numFmt = options.numFmt;
      }),
    );
    for (const range of options.merges?.[title] ?? []) sheet.mergeCells(range);
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

/** The CSV sheets of the Zhuzhou folder as rows of cells. */
function zhuzhouSheets(): Record<string, string[][]> {
  const folder = 'fixtures/zhuzhou-hrss-2023-csv';
  const sheets: Record<string, string[][]> = {};
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.csv'))) {
    const text = readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, '');
    sheets[name.replace(/\.csv$/, '')] = text
      .split('\r\n')
      .filter((l) => l !== '')
      .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"')) ?? []);
  }
  return sheets;
}

describe('an Excel workbook', () => {
  it('gives the same findings as the text and the GBK CSV folder of the same document', async () => {
    const text = await checkPath('fixtures/zhuzhou-hrss-2023.txt');
    const xlsx = await checkPath(XLSX);
    const gbk = await checkPath('fixtures/zhuzhou-hrss-2023-csv-gbk');
    expect(xlsx.findings.length).toBe(text.findings.length);
    expect(xlsx.findings.map(comparable)).toEqual(text.findings.map(comparable));
    expect(gbk.findings.map(comparable)).toEqual(text.findings.map(comparable));
    expect([xlsx.checks, xlsx.department, xlsx.year]).toEqual([text.checks, text.department, text.year]);
    expect([gbk.checks, gbk.department, gbk.year]).toEqual([text.checks, text.department, text.year]);
  });

  it('names the sheet in the file of each location, and the spreadsheet row as the line', async () => {
    const doc = await checkPath(XLSX);
    const note = doc.findings.find((f) => f.id === 'expense-rollup:expense/20801/total');
    expect(note?.locations[0]).toMatchObject({ file: `${XLSX}#支出决算表`, line: 18, sheet: 3, field: 3 });
    expect(doc.tables.find((t) => t.key === 'income')?.location).toEqual({ file: `${XLSX}#收入决算表`, line: 1 });
  });

  it('reads formulas by their saved results, and numbers as the sheet displays them', async () => {
    const loaded = await load(XLSX);
    if (!loaded.ok) throw new Error('unreadable');
    const total = loaded.value.tables.income?.rows.find((r) => r.key === 'total');
    const text = (c: string) => (total?.cells[c]?.kind === 'amount' ? total.cells[c].amount.text : total?.cells[c]?.kind);
    expect([text('total'), text('fiscal'), text('other')]).toEqual(['9,205.13', '9,205.13', '0.00']);
    expect(loaded.value.narrative[0]?.loc).toEqual({ file: `${XLSX}#说明`, line: 3, sheet: 10 });
  });

  it('finds every table in one sheet, keeps merged text in the top-left cell, and skips hidden sheets', async () => {
    const sheets = zhuzhouSheets();
    const all = Object.values(sheets).flatMap((rows) => [...rows, ['']]);
    const path = await workbook('one-sheet.xlsx', { 全部: all, 草稿: [['收入决算表'], ['金额单位：万元'], ['合计', '', '1.00']] }, { hidden: ['草稿'], merges: { 全部: ['A1:F1'] } });
    const doc = await checkPath(path);
    const text = await checkPath('fixtures/zhuzhou-hrss-2023.txt');
    expect(doc.tables.every((t) => t.found)).toBe(true);
    // The sheet holds the tables only: compare what the tables say.
    const tables = (f: Finding) => !NARRATIVE.has(f.rule);
    expect(doc.findings.filter(tables).map(comparable)).toEqual(text.findings.filter(tables).map(comparable));
  });

  it('reads amounts stored as numbers with the decimals displayed, and as text', async () => {
    const rows: Value[][] = [
      ['三公经费支出决算表'],
      ['金额单位：万元'],
      ['预算数', '', '', '', '', '', '决算数'],
      ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
      ['', '', '小计', '购置费', '运行维护费', '', '', '', '小计', '购置费', '运行维护费', ''],
      [37.125, 0, 23.9, 0, 23.9, 13.21, '37.12', 0, 23.91, 0, 23.91, { formula: 'J6+K6', result: 13.21 }],
    ];
    const path = await workbook('numbers.xlsx', { 三公: rows }, { numFmt: '0.00' });
    const loaded = await load(path);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const cells = loaded.value.tables['three-public']?.rows[0]?.cells ?? {};
    const text = (k: string) => (cells[k]?.kind === 'amount' ? cells[k].amount.text : cells[k]?.kind);
    expect(['budget-total', 'budget-vehicle', 'actual-total', 'actual-reception'].map(text)).toEqual(['37.13', '23.90', '37.12', '13.21']);
    const general = await workbook('general.xlsx', { 三公: rows });
    const plain = await load(general);
    if (!plain.ok) throw new Error('unreadable');
    const g = plain.value.tables['three-public']?.rows[0]?.cells ?? {};
    expect(g['budget-total']?.kind === 'amount' && g['budget-total'].amount.text).toBe('37.125');
    expect(g['budget-abroad']?.kind === 'amount' && g['budget-abroad'].amount.text).toBe('0.00');
  });

  it('refuses a workbook whose formulas were never calculated, naming the first one', async () => {
    const path = await workbook('uncalculated.xlsx', { 收入决算表: [['收入决算表'], ['金额单位：万元'], ['项目', '', '本年收入合计'], ['合计', '', { formula: 'C4+C5' }]] });
    const loaded = await load(path);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toEqual({ kind: 'xlsx', file: path, detail: { kind: 'formula', sheet: '收入决算表', cell: 'C4', count: 1 } });
    const r = await run(['check', path]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('“收入决算表”!C4');
  });

  it.each([
    ['truncated.xlsx', (b: Buffer) => b.subarray(0, 4000), '文件已损坏或不是 .xlsx'],
    ['not-zip.xlsx', () => Buffer.from('收入决算表,,\n'), '文件已损坏或不是 .xlsx'],
    // An encrypted workbook is an OLE compound file holding an EncryptionInfo stream.
    ['encrypted.xlsx', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)]), '有打开密码'],
    ['legacy.xlsx', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(512)]), 'Excel 97-2003'],
    ['empty.xlsx', () => Buffer.alloc(0), '文件为空'],
  ])('%s: one line, exit 2', async (name, bytes, message) => {
    const path = join(dir, name);
    writeFileSync(path, bytes(readFileSync(XLSX)));
    const r = await run(['check', path]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${path}: `);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('is found while searching a folder; Excel lock files and workbooks without tables are passed over', async () => {
    const folder = mkdtempSync(join(dir, 'search-'));
    writeFileSync(join(folder, 'book.xlsx'), readFileSync(XLSX));
    writeFileSync(join(folder, '~$book.xlsx'), Buffer.from('lock'));
    await workbook('search-other.xlsx', { Sheet1: [['项目', '金额'], ['差旅', 12]] });
    writeFileSync(join(folder, 'other.xlsx'), readFileSync(join(dir, 'search-other.xlsx')));
    const found = await discover([folder]);
    expect(found.map((s) => [s.kind, s.source])).toEqual([
      ['xlsx', join(folder, 'book.xlsx')],
      ['xlsx', join(folder, 'other.xlsx')],
    ]);
    const r = await run(['check', folder]);
    // Exit 1: the Zhuzhou narrative's own slips; the point is that the other workbook is passed over.
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('跳过了 1 个');
  });
});

describe('amounts stored as numbers', () => {
  it.each([
    [9205.13, '#,##0.00', '9,205.13'],
    [9205.13, '0.00', '9205.13'],
    [9205.130000000001, '#,##0.00_ ', '9,205.13'],
    [1.005, '0.00', '1.01'],
    [-1.005, '0.00', '-1.01'],
    [-12, '#,##0.00;(#,##0.00)', '-12.00'],
    [-0.001, '0.00', '0.00'],
    [0, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', '0.00'],
    [620.1, '0.0#', '620.1'],
    [620.123, '0.0#', '620.12'],
    [620, '#,##0.##', '620'],
    [1234.5, '0', '1235'],
    [1234.5, '[Red]#,##0.0', '1,234.5'],
    [1234.5, '"¥"#,##0.00', '1,234.50'],
    [620, undefined, '620.00'],
    [620, 'General', '620.00'],
    [0.1 + 0.2, 'General', '0.30'],
    [0.123, 'General', '0.123'],
    [0.5, '0.00%', '0.50'],
    [45000, 'yyyy-mm-dd', '45000.00'],
    [1234567, '#,##0,', '1234567.00'],
  ])('%s formatted %j reads as %s', (value, format, text) => {
    expect(amountText(value, format)).toBe(text);
  });

  it('knows which formats fix the decimals', () => {
    expect(amountFormat('#,##0.00')).toEqual({ min: 2, max: 2, grouped: true });
    expect(amountFormat('0.0#')).toEqual({ min: 1, max: 2, grouped: false });
    expect(amountFormat('@')).toBeUndefined();
    expect(amountFormat('0.00E+00')).toBeUndefined();
  });
});
