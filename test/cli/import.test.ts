import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFolder } from '../../src/export/csv-folder.js';
import { documentFromText } from '../../src/load/index.js';
import { run } from '../support/cli.js';
import { comparable } from '../support/compare.js';
import { checkPath } from '../support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'zjs-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (path: string) => checkPath(path);

describe('zjs import', () => {
  it.each([
    ['the Zhuzhou text', 'fixtures/zhuzhou-hrss-2023.txt'],
    ['the Zhuzhou workbook', 'fixtures/zhuzhou-hrss-2023.xlsx'],
    ['the Shanghai-layout CSV folder', 'fixtures/shanghai-sample-2024-csv'],
    ['the Shanghai-layout PDF', 'fixtures/shanghai-sample-2024.pdf'],
  ])('%s → CSV folder → the same findings as the source', async (_name, source) => {
    const out = join(dir, `round-${source.replace(/\W+/g, '-')}`);
    const r = await run(['import', source, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('9 张表');
    const before = await check(source);
    const after = await check(out);
    expect(after.findings.map(comparable)).toEqual(before.findings.map(comparable));
    expect([after.checks, after.department, after.year, after.unit]).toEqual([before.checks, before.department, before.year, before.unit]);
    expect(after.tables.map((t) => [t.key, t.title, t.found, t.empty])).toEqual(before.tables.map((t) => [t.key, t.title, t.found, t.empty]));
  });

  it('writes a value a plain text did not place as ?, which reads back as unknown, never as empty', async () => {
    const source = 'fixtures/shanghai-sample-2024.txt';
    const out = join(dir, 'unplaced');
    const r = await run(['import', source, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // One note a table, naming how many cells were written as ?.
    expect(r.stderr).toContain('shanghai-sample-2024.txt:56: 未写入：27 个数值无法确定所在栏目，123 个单元格写为“?”，请按原件填写');
    expect(readFileSync(join(out, '02-收入决算表.csv'), 'utf8')).toContain(',?,');
    const before = await check(source);
    const after = await check(out);
    // Everything agrees but the layout warning, which now names the ? cells.
    const other = (d: typeof before) => d.findings.filter((f) => f.rule !== 'table-layout').map(comparable);
    expect(other(after)).toEqual(other(before));
    // The 三公 line placed by its sums is written placed: the note that recorded the choice stays
    // with the text, and is the only check the folder does not repeat.
    const chosen = before.findings.filter((f) => f.messageId === 'columns-chosen').length;
    expect(chosen).toBe(1);
    expect(after.checks).toEqual({ ...before.checks, run: before.checks.run - chosen, failed: before.checks.failed - chosen });
    const layout = (d: typeof before) => d.findings.filter((f) => f.rule === 'table-layout').map((f) => f.message);
    expect(layout(before)).toContain('收入决算表有 27 个数值无法确定所在栏目（文本丢失了空单元格的位置），已读入 25 个，123 个单元格未知（依赖它们的检查将跳过）');
    expect(layout(after)).toContain('收入决算表有 123 个单元格标为“?”（数值未知，请按原件填写），依赖它们的检查将跳过');
    expect(after.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([]);
  });

  it('writes one UTF-8 CSV with BOM and CRLF per table, in a fixed order, and the narrative', async () => {
    const out = join(dir, 'layout');
    expect((await run(['import', 'fixtures/shanghai-sample-2024-csv', '--out', out])).code).toBe(0);
    expect(readdirSync(out)).toEqual([
      '01-收入支出决算总表.csv',
      '02-收入决算表.csv',
      '03-支出决算表.csv',
      '04-财政拨款收入支出决算总表.csv',
      '05-一般公共预算财政拨款支出决算表.csv',
      '06-一般公共预算财政拨款基本支出决算表.csv',
      '07-政府性基金预算财政拨款收入支出决算表.csv',
      '08-国有资本经营预算财政拨款支出决算表.csv',
      '09-财政拨款三公经费支出决算表.csv',
    ]);
    const expense = readFileSync(join(out, '03-支出决算表.csv'), 'utf8');
    expect(expense.startsWith('\uFEFF支出决算表,')).toBe(true);
    expect(expense.split('\r\n').slice(1, 5)).toEqual([
      ',,,,,,,金额单位：万元',
      '科目代码,科目名称,本年支出合计,基本支出,项目支出,上缴上级支出,经营支出,对附属单位补助支出',
      '栏次,,1,2,3,4,5,6',
      ',合计,"2,278.76","2,038.76",240.00,,,',
    ]);
    expect(expense).toContain('\r\n2010501,行政运行,"1,280.77","1,268.37",12.40,,,\r\n');
    expect(expense.replace(/\r\n/g, '')).not.toContain('\n');

    const text = join(dir, 'layout-text');
    expect((await run(['import', 'fixtures/zhuzhou-hrss-2023.txt', '--out', text])).code).toBe(0);
    const narrative = readFileSync(join(text, 'narrative.txt'), 'utf8');
    expect(narrative.startsWith('\uFEFF2023年度\r\n')).toBe(true);
    // The 三公 table lacks two cells in the source: their columns have no 栏次 number, so they stay lacking.
    const three = readFileSync(join(text, '09-财政拨款三公经费支出决算表.csv'), 'utf8').split('\r\n');
    expect(three[4]).toBe('1,2,3,4,5,6,7,8,9,,,12');
  });

  it('refuses to overwrite without --force (checking every file first), and overwrites with it', async () => {
    const out = join(dir, 'again');
    expect((await run(['import', 'fixtures/zhuzhou-hrss-2023.txt', '--out', out])).code).toBe(0);
    writeFileSync(join(out, '03-支出决算表.csv'), 'changed');
    rmSync(join(out, '01-收入支出决算总表.csv'));
    const r = await run(['import', 'fixtures/zhuzhou-hrss-2023.txt', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('已存在 9 个同名文件');
    expect(existsSync(join(out, '01-收入支出决算总表.csv'))).toBe(false);
    expect(readFileSync(join(out, '03-支出决算表.csv'), 'utf8')).toBe('changed');
    const forced = await run(['import', 'fixtures/zhuzhou-hrss-2023.txt', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(out, '03-支出决算表.csv'), 'utf8')).toContain('支出决算表');
    expect(existsSync(join(out, '01-收入支出决算总表.csv'))).toBe(true);
  });

  it('refuses a folder holding other files that checking it would read', async () => {
    const out = join(dir, 'stray');
    mkdirSync(out);
    writeFileSync(join(out, 'README.md'), '# notes');
    const r = await run(['import', 'fixtures/zhuzhou-hrss-2023.txt', '--out', out, '--force', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('README.md: the output folder holds other CSV or text files');
    expect(readdirSync(out)).toEqual(['README.md']);
  });

  it.each([
    { name: 'the input folder', out: (input: string) => input },
    { name: 'a folder inside it', out: (input: string) => join(input, 'out') },
    { name: 'an input file', out: (input: string) => join(input, 'narrative.txt') },
  ])('never writes into $name', async ({ out }) => {
    const input = join(dir, `input-${Math.random().toString(36).slice(2)}`);
    cpSync('fixtures/zhuzhou-hrss-2023-csv', input, { recursive: true });
    const before = readdirSync(input).map((f) => [f, readFileSync(join(input, f), 'utf8')]);
    const r = await run(['import', input, '--out', out(input), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('输出文件夹不能是输入文件夹、位于其中，或是输入文件');
    expect(readdirSync(input).map((f) => [f, readFileSync(join(input, f), 'utf8')])).toEqual(before);
  });

  it('refuses to write over the input file it reads, given beside it', async () => {
    const input = join(dir, 'beside');
    mkdirSync(input);
    writeFileSync(join(input, 'narrative.txt'), readFileSync('fixtures/zhuzhou-hrss-2023.txt'));
    const r = await run(['import', join(input, 'narrative.txt'), '--out', input, '--force']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(input, 'narrative.txt'), 'utf8')).toBe(readFileSync('fixtures/zhuzhou-hrss-2023.txt', 'utf8'));
  });

  it.each([
    { args: ['import', 'fixtures/bad/empty.txt', '--out', 'unused'], err: 'fixtures/bad/empty.txt: 文件为空' },
    { args: ['import', 'fixtures/no-such.pdf', '--out', 'unused'], err: 'fixtures/no-such.pdf: 文件或文件夹不存在' },
    { args: ['import', 'fixtures/bad/encrypted.pdf', '--out', 'unused'], err: 'fixtures/bad/encrypted.pdf' },
    { args: ['import', 'fixtures/bad/ragged-csv', '--out', 'unused'], err: 'CSV 各行字段数不一致' },
    { args: ['import', 'fixtures/synthetic', '--out', 'unused'], err: 'fixtures/synthetic: 包含 2 个文档，请逐个导入' },
  ])('$args → one line, exit 2, nothing written', async ({ args, err }) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(err);
    expect(existsSync('unused')).toBe(false);
  });

  it('needs --out', async () => {
    const r = await run(['import', 'fixtures/zhuzhou-hrss-2023.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });

  it('carries rows it cannot place back into the sheet, and names what it cannot carry', async () => {
    const text = readFileSync('fixtures/zhuzhou-hrss-2023.txt', 'utf8').split('\n');
    const at = text.findIndex((l) => l.startsWith('2080102\t'));
    // A row without a code, and a second 2080105 row.
    text.splice(at + 1, 0, '\t杂项\t1.00\t1.00\t0.00\t0.00\t0.00\t0.00\t0.00', text[at + 1] ?? '');
    const doc = documentFromText('planted.txt', text.join('\n'));
    const folder = csvFolder(doc);
    expect(folder.dropped.map((i) => i.code)).toContain('duplicate-row');
    const input = join(dir, 'planted.txt');
    writeFileSync(input, text.join('\n'));
    const out = join(dir, 'planted');
    const r = await run(['import', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/planted\.txt:\d+: 未写入：重复的行“2080105”/);
    const before = (await check(input)).findings.filter((f) => f.rule === 'table-layout' && !f.id.includes('duplicate-row'));
    const after = (await check(out)).findings.filter((f) => f.rule === 'table-layout');
    expect(after.map(comparable)).toEqual(before.map(comparable));
    expect(after.some((f) => f.message.includes('杂项'))).toBe(true);
  });
});
