import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, spreadsheetSafe } from '../../src/model/spreadsheet-cell.js';
import { formatCsv } from '../../src/report/csv.js';
import { reportFor, SINGLE } from '../report/support.js';

describe('cells a spreadsheet would run as formulas', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+2', "'+1+2"],
    ['-其中：调出', "'-其中：调出"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ['-249.60', '-249.60'],
    ['-1,234.50', '-1,234.50'],
    ['+5', '+5'],
    ['-12%', '-12%'],
    ['-', '-'],
    ['--', '--'],
    ['教育支出', '教育支出'],
    ["'plain", "'plain"],
  ])('%j is written %j', (text, written) => {
    expect(spreadsheetSafe(text)).toBe(written);
    expect(fromSpreadsheetSafe(written)).toBe(text);
  });

  it('reads back exactly what it was given, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', ',', 'a', '支') }), (text) => {
        const written = spreadsheetSafe(text);
        expect(fromSpreadsheetSafe(written)).toBe(text);
        // What is written never starts a formula, unless it is a number or a bare dash.
        if (/^[=+\-@\t\r]/.test(written)) expect(written).toMatch(/^([-+]?[\d,.]+%?|[-+]+)$/);
      }),
      { numRuns: 5000 },
    );
  });

  it('the CSV report prefixes hostile text and keeps negative differences as numbers', async () => {
    const report = structuredClone(await reportFor(SINGLE));
    const doc = report.documents[0];
    if (!doc) throw new Error('no document');
    doc.department = '=HYPERLINK("http://x","y")';
    const csv = formatCsv(report, { lang: 'zh' });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.split('\r\n').some((line) => line.split(',').includes('-0.01'))).toBe(true);
  });
});
