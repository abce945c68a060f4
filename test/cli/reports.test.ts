import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';

const NOW = new Date(Date.UTC(2025, 2, 14, 9, 30, 0));
const clock = { now: () => NOW };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zjs-reports-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('reports of a run', () => {
  it('html: a cover with the run date, version, scope, settings and the SHA-256 of every input file', async () => {
    const out = join(dir, 'r.html');
    const r = await run(['check', 'fixtures/zhuzhou-hrss-2023.txt', 'fixtures/zhuzhou-hrss-2023-csv', '--fail-on', 'warning', '-f', 'html', '-o', out], clock);
    expect(r.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<meta name="generator" content="zjs-report zjs 0.1.0">');
    const cover = html.slice(html.indexOf('<section id="cover">'), html.indexOf('</section>', html.indexOf('<section id="cover">')));
    expect(cover).toContain('<tr><th>检查时间</th><td>2025-03-14 09:30:00 UTC</td></tr>');
    expect(cover).toContain('<tr><th>工具版本</th><td>zjs 0.1.0</td></tr>');
    expect(cover).toContain('<tr><th>检查范围</th><td>fixtures/zhuzhou-hrss-2023.txt  fixtures/zhuzhou-hrss-2023-csv</td></tr>');
    expect(cover).toContain('<tr><th>退出码为 1 的级别</th><td>warning</td></tr>');
    // One text file and the ten files of the CSV folder, each with its hash.
    expect(cover).toContain('输入文件（11 个）及其 SHA-256');
    for (const file of ['fixtures/zhuzhou-hrss-2023.txt', 'fixtures/zhuzhou-hrss-2023-csv/03-支出决算表.csv', 'fixtures/zhuzhou-hrss-2023-csv/narrative.txt']) {
      expect(cover).toContain(`<td>${file}</td>`);
      expect(cover).toContain(sha256(file));
    }
    // A chart per department, drawn inline; nothing fetched.
    expect(html.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/g)?.length).toBe(3);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('html into a folder: index.html and one page per document', async () => {
    const out = join(dir, 'site');
    const r = await run(['check', 'fixtures/synthetic', 'fixtures/zhuzhou-hrss-2023.txt', '-f', 'html', '-o', `${out}/`], clock);
    expect(r.code, r.stderr).toBe(1);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const n of [1, 2, 3]) {
      expect(index).toContain(`href="docs/${n}.html"`);
      const page = readFileSync(join(out, 'docs', `${n}.html`), 'utf8');
      expect(page).toContain('zjs-report');
      expect(page).toContain('href="../index.html"');
    }
    expect(existsSync(join(out, 'docs', '4.html'))).toBe(false);
    expect(index).toContain('2025-03-14 09:30:00 UTC');
  });

  it('xlsx: dated by the run', async () => {
    const out = join(dir, 'r.xlsx');
    await run(['check', 'fixtures/synthetic', '-f', 'xlsx', '-o', out], clock);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.created.toISOString()).toBe(NOW.toISOString());
    expect(book.modified.toISOString()).toBe(NOW.toISOString());
  });

  it('markdown names the fuller report of the same run when it has to be trimmed', async () => {
    const r = await run(['check', 'fixtures/synthetic', '-f', 'markdown', '-f', 'html', '-o', join(dir, 'full.html')], clock);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('<!-- zjs-report -->');
    // Small enough: whole, and no pointer needed.
    expect(r.stdout).not.toContain('1 MiB');
  });
});
