import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { planOutputs, type OutputFlag } from '../../src/cli/outputs.js';
import type { FormatName } from '../../src/report/index.js';

const f = (value: FormatName): OutputFlag => ({ flag: 'format', value });
const o = (value: string): OutputFlag => ({ flag: 'output', value });

describe('pairing -f with -o', () => {
  const cases: Array<{ flags: OutputFlag[]; targets?: Array<[FormatName, string | null]>; problem?: string }> = [
    { flags: [], targets: [['text', null]] },
    { flags: [o('r.txt')], targets: [['text', 'r.txt']] },
    { flags: [f('json')], targets: [['json', null]] },
    { flags: [f('html'), o('r.html'), f('json'), o('r.json')], targets: [['html', 'r.html'], ['json', 'r.json']] },
    { flags: [o('r.json'), f('json')], targets: [['json', 'r.json']] },
    { flags: [f('github'), f('sarif'), o('r.sarif')], targets: [['github', null], ['sarif', 'r.sarif']] },
    { flags: [f('sarif'), o('r.sarif'), f('github')], targets: [['sarif', 'r.sarif'], ['github', null]] },
    { flags: [f('json'), f('html')], problem: 'several-to-stdout' },
    { flags: [f('xlsx')], problem: 'needs-file' },
    { flags: [f('json'), o('a'), o('b')], problem: 'output-without-format' },
    { flags: [f('json'), o('a'), f('html'), o('./a')], problem: 'same-output' },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.flags.map((x) => (x.flag === 'format' ? `-f ${x.value}` : `-o ${x.value}`)).join(' ')), () => {
      const plan = planOutputs(c.flags);
      if (c.problem) {
        expect(plan.ok).toBe(false);
        if (!plan.ok) expect(plan.problem.kind).toBe(c.problem);
      } else {
        expect(plan).toEqual({ ok: true, targets: (c.targets ?? []).map(([format, output]) => ({ format, output })) });
      }
    });
  }
});

describe('zjs check with several formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zjs-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function io(): Io & { out: string; err: string } {
    const state = { out: '', err: '' };
    return Object.assign(state, {
      stdout: (t: string) => {
        state.out += t;
      },
      stderr: (t: string) => {
        state.err += t;
      },
      env: {},
      isTTY: false,
    });
  }

  const seed = 'fixtures/zhuzhou-hrss-2023.txt';
  const table: Array<{ args: string[]; exitCode: number; stdout?: string; stderr?: string; files?: string[] }> = [
    {
      args: ['check', seed, '-f', 'html', '-o', join(dir, 'r.html'), '-f', 'json', '-o', join(dir, 'r.json'), '-f', 'xlsx', '-o', join(dir, 'r.xlsx'), '-f', 'github'],
      exitCode: 1,
      stdout: '::error file=fixtures/zhuzhou-hrss-2023.txt,line=517',
      files: ['r.html', 'r.json', 'r.xlsx'],
    },
    { args: ['check', seed, '-f', 'sarif', '-o', join(dir, 'r.sarif'), '-f', 'junit', '-o', join(dir, 'r.xml'), '-f', 'csv', '-o', join(dir, 'r.csv'), '-f', 'markdown'], exitCode: 1, stdout: '# 部门决算公开一致性检查报告', files: ['r.sarif', 'r.xml', 'r.csv'] },
    { args: ['check', seed, '-f', 'nonsense'], exitCode: 2, stderr: 'Allowed choices are text, json' },
    { args: ['check', seed, '-f', 'xlsx'], exitCode: 2, stderr: 'xlsx 格式必须用 -o/--output 写入文件' },
    { args: ['check', seed, '-f', 'json', '-f', 'html'], exitCode: 2, stderr: '只有一种格式可以写到标准输出' },
    { args: ['check', seed, '-f', 'json', '-o', join(dir, 'x.json'), '-f', 'html', '-o', seed], exitCode: 2, stderr: '输出文件不能是输入文件' },
    { args: ['check', seed, '-f', 'json', '-o', join(dir, 'missing', 'x.json')], exitCode: 2, stderr: '无法写入 (ENOENT)' },
    { args: ['check', seed, '--lang', 'en', '-o', join(dir, 'a.txt'), '-o', join(dir, 'b.txt')], exitCode: 2, stderr: 'has no -f/--format to go with' },
  ];
  for (const row of table) {
    it(row.args.slice(2).join(' ').replaceAll(dir, '<tmp>'), async () => {
      const streams = io();
      expect(await main(row.args, streams)).toBe(row.exitCode);
      if (row.stdout) expect(streams.out).toContain(row.stdout);
      if (row.stderr) expect(streams.err).toContain(row.stderr);
      for (const file of row.files ?? []) expect(existsSync(join(dir, file)), file).toBe(true);
    });
  }

  it('writes the workbook as a zip and the JSON as the JSON formatter does', () => {
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { documents: unknown[] }).documents).toHaveLength(1);
  });
});
