import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of the repository, without declarations.
import { writeCity } from '../../scripts/city.js';
import { formatGithub } from '../../src/report/github.js';
import { formatHtml, formatHtmlFolder } from '../../src/report/html.js';
import { formatJson, REPORT_SCHEMA_VERSION } from '../../src/report/json.js';
import { formatJunit } from '../../src/report/junit.js';
import { buildReport } from '../../src/report/model.js';
import { inertJson } from '../../src/report/controls.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatXlsx } from '../../src/report/xlsx.js';
import { BATCH, GOLDEN_DIR, reportFor } from '../report/support.js';
import { dumpWorkbook } from '../report/xlsx-dump.js';
import { run } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'zjs-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A city of 12 departments (text, CSV folders, workbooks) and an unreadable file.
let city: string[];
beforeAll(() => {
  const root = join(dir, 'city');
  (writeCity as (n: number, d: string) => string[])(12, root);
  city = [root, 'fixtures/bad/empty.txt'];
});

const NOW = new Date(Date.UTC(2025, 2, 14, 9, 30, 0));
const clock = { now: () => NOW };

/** A report page without its cover (the cover's settings and hashes come from the command line). */
const withoutCover = (html: string) => html.replace(/<section id="cover">.*?<\/section>/s, '');

const golden = (name: string) => readFileSync(join(GOLDEN_DIR, name), 'utf8');

describe('reports written document by document', () => {
  it('are byte for byte the reports rendered whole: text on standard output, json and csv files', async () => {
    const json = join(dir, 'batch.json');
    const csv = join(dir, 'batch.csv');
    const result = await run(['check', ...BATCH, '--lang', 'zh', '-f', 'text', '-f', 'json', '-o', json, '-f', 'csv', '-o', csv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(golden('batch.txt'));
    expect(readFileSync(json, 'utf8')).toBe(golden('batch.json'));
    expect(readFileSync(csv, 'utf8')).toBe(golden('batch.csv'));
  });

  it('json beside html on one page: each the report of the whole batch', async () => {
    const json = join(dir, 'mixed.json');
    const html = join(dir, 'mixed.html');
    await run(['check', ...BATCH, '--lang', 'zh', '-f', 'html', '-o', html, '-f', 'json', '-o', json]);
    expect(readFileSync(json, 'utf8')).toBe(golden('batch.json'));
    expect(readFileSync(html, 'utf8')).toContain('<html');
  });

  it('write nothing, and leave no file, when no document is found', async () => {
    const json = join(dir, 'none.json');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const result = await run(['check', empty, '-f', 'json', '-o', json]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
    expect(result.stdout).toBe('');
    expect(() => readFileSync(json)).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('json: the streamed form equals JSON.stringify of the whole report, for none, one and several documents', async () => {
    const report = await reportFor(BATCH, 'zh');
    for (const documents of [[], report.documents.slice(0, 1), report.documents]) {
      const whole = { ...report, documents };
      const { tool, ...rest } = whole;
      expect(formatJson(whole)).toBe(inertJson(`${JSON.stringify({ tool, schemaVersion: REPORT_SCHEMA_VERSION, ...rest }, null, 2)}\n`));
    }
    expect(formatJson(buildReport([]))).toContain('"documents": []');
  });

  it('html into a folder: each page as its document comes, byte for byte the folder rendered whole', async () => {
    const out = join(dir, 'site');
    const r = await run(['check', ...city, '--lang', 'zh', '-f', 'html', '-o', `${out}/`, '--no-progress'], clock);
    expect(r.code, r.stderr).toBe(2);
    const whole = formatHtmlFolder(await reportFor(city, 'zh'), { lang: 'zh' });
    expect(whole).toHaveLength(14);
    for (const file of whole) {
      const written = readFileSync(join(out, ...file.path.split('/')), 'utf8');
      expect(file.path === 'index.html' ? withoutCover(written) : written, file.path).toBe(file.content);
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('2025-03-14 09:30:00 UTC');
    expect(readdirSync(join(out, 'docs'))).toHaveLength(13);
  });

  it('html into a folder inside an input (a CSV folder): one line, exit 2, no page written', async () => {
    const input = join(dir, 'csv');
    cpSync('fixtures/zhuzhou-hrss-2023-csv', input, { recursive: true });
    const r = await run(['check', input, 'fixtures/synthetic/full-2024.txt', '-f', 'html', '-o', `${join(input, 'report')}/`, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('输出文件不能是输入文件或位于输入文件夹内');
    expect(existsSync(join(input, 'report'))).toBe(false);
  });

  it('xlsx: the workbook written as the documents come holds the one rendered whole, cell for cell with fonts and fills', async () => {
    const out = join(dir, 'city.xlsx');
    const r = await run(['check', ...city, '--lang', 'zh', '-f', 'xlsx', '-o', out, '--no-progress'], clock);
    expect(r.code, r.stderr).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Empty text cells are left out of both: the streamed workbook writes them as no cell at all.
    const dump = { styles: true, skipEmptyText: true };
    const whole = await dumpWorkbook(await formatXlsx(await reportFor(city, 'zh'), { lang: 'zh', date: NOW.toISOString() }), dump);
    expect(await dumpWorkbook(new Uint8Array(readFileSync(out)), dump)).toBe(whole);
    expect(whole).toContain('## 问题清单');
  });

  it('github, sarif and junit: the documents set aside as they come, byte for byte the reports rendered whole, nothing left in the temporary folder', async () => {
    const temporary = join(dir, 'tmp');
    mkdirSync(temporary);
    const sarif = join(dir, 'city.sarif');
    const junit = join(dir, 'city.junit.xml');
    const r = await run(['check', ...city, '--lang', 'zh', '-f', 'github', '-f', 'sarif', '-o', sarif, '-f', 'junit', '-o', junit, '--no-progress'], { env: { TMPDIR: temporary } });
    expect(r.code, r.stderr).toBe(2);
    const report = await reportFor(city, 'zh');
    expect(r.stdout).toBe(formatGithub(report, { lang: 'zh' }));
    expect(readFileSync(sarif, 'utf8')).toBe(formatSarif(report, { lang: 'zh' }));
    expect(readFileSync(junit, 'utf8')).toBe(formatJunit(report, { lang: 'zh', failOn: 'error' }));
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('sarif: the results spliced in where JSON.stringify puts them, for no result, one document and several', async () => {
    const report = await reportFor(BATCH, 'zh');
    const clean = report.documents.filter((d) => d.findings.length === 0);
    for (const documents of [[], clean, report.documents.slice(0, 1), report.documents]) {
      const text = formatSarif({ ...report, documents }, { lang: 'en' });
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect((JSON.parse(text) as { runs: Array<{ results: unknown[] }> }).runs[0]?.results).toHaveLength(documents.reduce((n, d) => n + d.findings.length, 0));
    }
  });

  it('html on one page: the sections set aside as they come, byte for byte the page rendered whole', async () => {
    const out = join(dir, 'city.html');
    const r = await run(['check', ...city, '--lang', 'zh', '-f', 'html', '-o', out, '--no-progress'], clock);
    expect(r.code, r.stderr).toBe(2);
    const written = readFileSync(out, 'utf8');
    expect(withoutCover(written)).toBe(formatHtml(await reportFor(city, 'zh'), { lang: 'zh' }));
    expect(written).toContain('2025-03-14 09:30:00 UTC');
  });
});
