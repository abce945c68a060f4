import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/report/csv.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatXlsx } from '../../src/report/xlsx.js';
import { HOSTILE, hostileReport } from './hostile.js';

// eslint-disable-next-line no-control-regex
const XML_SAFE = HOSTILE.replace(/[\u0001\u0007]/g, '');

let report: Report;
beforeAll(async () => {
  report = await hostileReport();
});

describe('hostile text stays text', () => {
  it('HTML: every value is escaped', () => {
    const html = formatHtml(report, { lang: 'zh' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;zjs&quot;)&lt;/script&gt;');
    // Attribute values cannot be closed early either.
    const markup = html.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
    expect(markup).not.toMatch(/="[^"]*"[^ >/]/);
  });

  it('Markdown: table rows keep their columns, HTML stays inert', () => {
    const md = formatMarkdown(report, { lang: 'zh' });
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
    const header = md.split('\n').find((l) => l.startsWith('| 级别'));
    const unescapedPipes = (line: string) => line.replace(/\\./g, '').split('|').length - 1;
    const columns = unescapedPipes(header ?? '');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('HYPERLINK') && !l.includes('<details>'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of md.split('\n').filter((l) => l.startsWith('| ⚠') || l.startsWith('| ❌') || l.startsWith('| ℹ'))) expect(unescapedPipes(row)).toBe(columns);
    // Accepted findings have one more column: who accepted them and why.
    const accepted = md.split('\n').filter((l) => l.startsWith('| ☑️'));
    expect(accepted).toHaveLength(1);
    for (const row of accepted) expect(unescapedPipes(row)).toBe(columns + 1);
    // A line break inside a cell would end the row.
    expect(md.split('\n').every((l) => !l.startsWith('::error'))).toBe(true);
  });

  it('GitHub workflow commands: one line each, data and properties escaped', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b, c%')).toBe('a%3Ab%2C c%25');
    const out = formatGithub(report, { lang: 'zh' });
    const commands = out.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(report.documents[0]!.findings.length + 1);
    for (const line of commands) {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const props = (match?.[2] ?? '').split(',');
      for (const p of props) expect(p).toMatch(/^(file|line|title)=[^,:]*$/);
    }
    // No line other than a command may start with `::`.
    expect(out.split('\n').filter((l) => l.includes('::error::next') && l.startsWith('::error::'))).toEqual([]);
  });

  it('JUnit: well-formed XML that carries the text back', () => {
    const xml = formatJunit(report, { lang: 'zh', failOn: 'error' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml) as {
      testsuites: { testsuite: Array<{ testcase: Array<{ failure?: { message: string } }> }> };
    };
    const failure = parsed.testsuites.testsuite[0]?.testcase.find((c) => c.failure)?.failure;
    expect(failure?.message).toBe(XML_SAFE);
    // The accepted finding passes: no failure, and its reason comes back from the properties.
    const cases = parsed.testsuites.testsuite[0]?.testcase ?? [];
    expect(cases.filter((c) => c.failure)).toHaveLength(1);
    expect(xml).toContain(`<property name="accepted.reason" value="${XML_SAFE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;')}"/>`);
  });

  it('SARIF: JSON that carries the text back', () => {
    const sarif = JSON.parse(formatSarif(report, { lang: 'zh' })) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]?.results[0]?.message.text).toBe(HOSTILE);
    const suppressed = JSON.parse(formatSarif(report, { lang: 'zh' })) as { runs: Array<{ results: Array<{ suppressions?: Array<{ justification: string }> }> }> };
    expect(suppressed.runs[0]?.results.flatMap((r) => r.suppressions ?? []).map((s) => s.justification)).toEqual([HOSTILE]);
  });

  it('CSV: parses back to the same fields; a cell that would run as a formula does not', () => {
    const csv = formatCsv(report, { lang: 'zh' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(1 + report.documents[0]!.findings.length + 1);
    for (const row of rows) expect(row).toHaveLength(21);
    expect(rows[1]?.[17]).toBe(`'${HOSTILE}`);
    expect(rows[1]?.[1]).toBe(`'${HOSTILE}`);
    expect(rows[1]?.[15]).toMatch(/^-?\d/);
    // The accepted finding: acceptance, reason and author come back, the formula stays inert.
    const accepted = rows[report.documents[0]!.findings.length];
    expect(accepted?.[18]).toBe(`豁免 ${HOSTILE}`);
    expect(accepted?.[19]).toBe(`'${HOSTILE}`);
    expect(accepted?.[20]).toBe(`'${HOSTILE}`);
  });

  it('xlsx: a workbook that opens, with the text back minus what XML cannot hold', async () => {
    // XML also reads a CRLF back as LF.
    const text = XML_SAFE.replace(/\r\n/g, '\n');
    const bytes = await formatXlsx(report, { lang: 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[1];
    expect(sheet?.getRow(2).getCell(18).value).toBe(text);
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe(text);
  });
});
