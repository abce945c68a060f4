import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';

const ZHUZHOU = 'fixtures/zhuzhou-hrss-2023.txt';
const ANSI = /\u001b\[/;

describe('zjs check (in process)', () => {
  it.each([
    // The Zhuzhou narrative misstates 2080102 (632.11 against 670.77 in the table): exit 1.
    { args: ['check', ZHUZHOU], code: 1, out: ['株洲市人力资源和社会保障局', '9/9', '尾数误差', '632.11'] },
    { args: ['check', ZHUZHOU, '--lang', 'en'], code: 1, out: ['Tables: 9/9', 'Notes: 21 rounding difference(s), 1 skipped check(s)'] },
    { args: ['check', ZHUZHOU, '--lang', 'en', '--verbose'], code: 1, out: ['Tables: 9/9', 'within the rounding tolerance'] },
    { args: ['check', ZHUZHOU, '--quiet'], code: 1, out: ['--quiet'] },
    { args: ['check', ZHUZHOU, '--tolerance', 'exact'], code: 1, out: ['不通过'] },
    { args: ['check', ZHUZHOU, '--fail-on', 'warning'], code: 1, out: ['警告'] },
    { args: ['check', 'fixtures/zhuzhou-hrss-2023-csv'], code: 1, out: ['9/9'] },
    { args: ['check', 'fixtures/synthetic'], code: 0, out: ['2 个文档'] },
    { args: ['check', 'fixtures/bad/non-numeric'], code: 1, out: ['cell-unreadable', '69.9O'] },
    { args: ['check', 'fixtures/bad/gbk/zhuzhou-gbk.txt'], code: 1, out: ['株洲市人力资源和社会保障局'] },
    { args: ['check', 'fixtures/bad/utf16/zhuzhou-utf16.txt'], code: 1, out: ['株洲市人力资源和社会保障局'] },
    { args: ['--version'], code: 0, out: ['0.1.0'] },
    { args: ['check', '--help'], code: 0, out: ['--format', '报告格式'] },
    // English help under --lang en, wherever it stands.
    { args: ['check', '--help', '--lang', 'en'], code: 0, out: ['check one or more disclosures', 'report format', 'display help'] },
    { args: ['--lang=en', '--help'], code: 0, out: ['Consistency checks for Chinese government', 'print the version'] },
  ])('zjs $args → exit $code', async ({ args, code, out }) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(code);
    for (const text of out) expect(r.stdout).toContain(text);
  });

  it.each([
    { args: ['check', 'fixtures/no-such-file.txt'], err: 'fixtures/no-such-file.txt: 文件或文件夹不存在' },
    { args: ['check', 'fixtures/bad/empty.txt'], err: 'fixtures/bad/empty.txt: 文件为空' },
    { args: ['check', 'fixtures/bad/blank.txt'], err: 'fixtures/bad/blank.txt: 文件为空' },
    { args: ['check', 'fixtures/bad/binary.txt'], err: 'fixtures/bad/binary.txt:3: 不是文本文件' },
    { args: ['check', 'fixtures/bad/not-a-disclosure.txt'], err: 'fixtures/bad/not-a-disclosure.txt: 未找到任何部门决算公开表' },
    { args: ['check', 'fixtures/bad/ragged-csv'], err: '01-收入支出决算总表.csv:7: CSV 各行字段数不一致（应为 6 个，此行 5 个）' },
    { args: ['check', 'fixtures/bad/empty.txt', '--lang', 'en'], err: 'fixtures/bad/empty.txt: the file is empty' },
  ])('bad input $args → exit 2 and one line naming the file', async ({ args, err }) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(err);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks the readable documents when another one is unreadable, and exits 2', async () => {
    const r = await run(['check', ZHUZHOU, 'fixtures/bad/empty.txt', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { documents: Array<{ outcome: string }>; summary: { unreadable: number } };
    expect(report.documents.map((d) => d.outcome)).toEqual(['fail', 'unreadable']);
    expect(report.summary.unreadable).toBe(1);
  });

  it.each([
    [['check']],
    [['frobnicate']],
    [['check', ZHUZHOU, '--format', 'yaml']],
    [['check', ZHUZHOU, '--lang', 'fr']],
    [['check', ZHUZHOU, '--no-such-option']],
    [[]],
  ])('usage error %j → exit 2', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
    // A mistaken option or command is one line naming it; a bare `zjs` shows the usage.
    if (args.length > 0) expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  });

  it('colours only on a terminal, and never with NO_COLOR or --no-color', async () => {
    expect((await run(['check', ZHUZHOU], { isTTY: true })).stdout).toMatch(ANSI);
    expect((await run(['check', ZHUZHOU], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(['check', ZHUZHOU, '--no-color'], { isTTY: true })).stdout).not.toMatch(ANSI);
    expect((await run(['check', ZHUZHOU])).stdout).not.toMatch(ANSI);
  });

  it('writes the report to --output, and refuses to write over an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-cli-'));
    try {
      const input = join(dir, 'doc.txt');
      writeFileSync(input, readFileSync(ZHUZHOU));
      const before = createHash('sha256').update(readFileSync(input)).digest('hex');
      const out = join(dir, 'report.json');
      expect((await run(['check', input, '--format', 'json', '--output', out])).code).toBe(1);
      expect(JSON.parse(readFileSync(out, 'utf8')).summary.documents).toBe(1);
      const clobber = await run(['check', input, '--output', input]);
      expect(clobber.code).toBe(2);
      expect(clobber.stderr).toContain('输出文件不能是输入文件');
      expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a config file, and rejects an invalid one with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-cfg-'));
    try {
      const good = join(dir, 'good.json');
      // The three kinds of error the Zhuzhou narrative has, lowered to warnings: exit 0, or 1 with --fail-on warning.
      const lowered = { 'narrative-amount': 'warning', 'narrative-arithmetic': 'warning', 'empty-table-note': 'warning' };
      writeFileSync(good, JSON.stringify({ severity: lowered, lang: 'en' }));
      const r = await run(['check', ZHUZHOU, '--config', good]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Tables: 9/9');
      expect((await run(['check', ZHUZHOU, '--config', good, '--fail-on', 'warning'])).code).toBe(1);
      writeFileSync(good, JSON.stringify({ severity: Object.fromEntries(Object.keys(lowered).map((k) => [k, 'off'])) }));
      const off = await run(['check', ZHUZHOU, '--config', good, '--format', 'json']);
      expect(off.code).toBe(0);
      expect(off.stdout).not.toContain('narrative-amount');
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ severity: { 'no-such-rule': 'off' } }));
      const b = await run(['check', ZHUZHOU, '--config', bad]);
      expect(b.code).toBe(2);
      expect(b.stderr.trim().split('\n')).toHaveLength(1);
      expect(b.stderr).toContain('bad.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
