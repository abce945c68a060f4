import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configJsonSchema, ConfigSchema } from '../../src/cli/config.js';
import type { Finding } from '../../src/model/finding.js';
import { run } from '../support/cli.js';

const ZHUZHOU = 'fixtures/zhuzhou-hrss-2023.txt';

let root: string;
const at = (...parts: string[]) => join(root, ...parts);
function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}
function copy(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  copyFileSync(ZHUZHOU, path);
  return path;
}
interface JsonReport {
  documents: Array<{ source: string; findings: Finding[] }>;
  summary: { errors: number; warnings: number; infos: number };
}
async function json(args: string[]): Promise<JsonReport> {
  const r = await run([...args, '-f', 'json']);
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout) as JsonReport;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zjs-config-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the config file', () => {
  it('has a JSON Schema generated from the zod schema, up to date in schema/ (npm run schemas)', () => {
    const published: unknown = JSON.parse(readFileSync('schema/config.schema.json', 'utf8'));
    expect(published).toEqual(configJsonSchema());
    const validate = new Ajv2020({ strict: true }).compile(published as object);
    const example = { $schema: './schema/config.schema.json', lang: 'en', severity: { 'narrative-rate': 'off' }, ignore: ['草稿'], overrides: [{ files: '**/2023/**', tolerance: 'exact' }] };
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(ConfigSchema.safeParse(example).success).toBe(true);
    expect(validate({ colour: true })).toBe(false);
  });

  it('is found in the folder of the input or above it, the nearest winning', async () => {
    write(at('city', 'zjs.config.json'), '{ "lang": "en" }');
    const doc = copy(at('city', 'a', 'doc.txt'));
    expect((await run(['check', doc])).stdout).toContain('Tables: 9/9 found');
    // A nearer JSONC file (comments, trailing commas, a byte-order mark) wins.
    write(at('city', 'a', 'zjs.config.jsonc'), '\uFEFF{\n  // 本局用中文报告\n  "lang": "zh",\n  "severity": { "narrative-rate": "off", },\n}\n');
    const r = await run(['check', doc]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('表格: 9/9 张');
    expect(r.stdout).not.toContain('narrative-rate');
    // The other folder still takes the city's file.
    expect((await run(['check', copy(at('city', 'b', 'doc.txt'))])).stdout).toContain('Tables: 9/9 found');
  });

  it('gives way to the flags: --lang zh beats "lang": "en", --tolerance beats "tolerance"', async () => {
    write(at('flags', 'zjs.config.json'), '{ "lang": "en", "tolerance": "exact" }');
    const doc = copy(at('flags', 'doc.txt'));
    const configured = await run(['check', doc]);
    expect(configured.stdout).toContain('Outcome: ✖ fail');
    expect((await json(['check', doc])).summary.infos).toBeLessThan(10);
    const flagged = await run(['check', doc, '--lang', 'zh', '--tolerance', 'interval']);
    expect(flagged.stdout).toContain('表格: 9/9 张');
    expect((await json(['check', doc, '--tolerance', 'interval'])).summary.infos).toBeGreaterThan(20);
  });

  it('is replaced by --config and turned off by --no-config', async () => {
    write(at('explicit', 'zjs.config.json'), '{ "lang": "en" }');
    const other = write(at('other.jsonc'), '/* 指定的配置 */ { "lang": "zh" }');
    const doc = copy(at('explicit', 'doc.txt'));
    expect((await run(['check', doc, '--config', other])).stdout).toContain('表格: 9/9 张');
    expect((await run(['check', doc, '--no-config'])).stdout).toContain('表格: 9/9 张');
    expect((await run(['check', doc])).stdout).toContain('Tables: 9/9 found');
  });

  it('names an unknown key with its file and line, in one line, exit 2', async () => {
    const file = write(at('unknown', 'zjs.config.json'), '{\n  "lang": "en",\n  "colour": true\n}\n');
    const r = await run(['check', copy(at('unknown', 'doc.txt'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`zjs: 配置文件无效: ${file}:3: unknown key “colour”\n`);
    const bad = write(at('badrule', 'zjs.config.json'), '{\n  "severity": {\n    "no-such-rule": "off"\n  }\n}');
    const b = await run(['check', copy(at('badrule', 'doc.txt'))]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(new RegExp(`^zjs: 配置文件无效: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: severity: unknown key “no-such-rule”\n$`));
    const broken = write(at('broken', 'zjs.config.json'), '{\n  "lang": "en"\n  "tolerance": "exact"\n}');
    const c = await run(['check', copy(at('broken', 'doc.txt'))]);
    expect(c.stderr).toBe(`zjs: 配置文件无效: ${broken}:3: invalid JSON (CommaExpected)\n`);
  });

  it('applies overrides to the documents their globs match, later entries winning', async () => {
    write(
      at('over', 'zjs.config.json'),
      JSON.stringify({ severity: { 'narrative-amount': 'warning' }, overrides: [{ files: '草稿/**', severity: { 'narrative-amount': 'off' } }, { files: ['**/final.txt'], tolerance: 'exact' }] }),
    );
    copy(at('over', '草稿', 'draft.txt'));
    copy(at('over', '公开', 'final.txt'));
    const r = await json(['check', at('over')]);
    const bySource = (name: string) => r.documents.find((d) => d.source.endsWith(name))?.findings ?? [];
    expect(bySource('draft.txt').filter((f) => f.rule === 'narrative-amount' && f.status === 'fail')).toEqual([]);
    const final = bySource('final.txt');
    expect(final.find((f) => f.rule === 'narrative-amount' && f.status === 'fail')?.severity).toBe('warning');
    expect(final.filter((f) => f.status === 'rounding').every((f) => f.severity === 'error')).toBe(true);
  });

  it('leaves out what its ignore globs name', async () => {
    write(at('ign', 'zjs.config.json'), '{ "ignore": ["草稿", "**/*.bak.txt"] }');
    copy(at('ign', '草稿', 'a.txt'));
    copy(at('ign', '公开', 'a.txt'));
    copy(at('ign', '公开', 'old.bak.txt'));
    const r = await json(['check', at('ign')]);
    expect(r.documents.map((d) => d.source)).toEqual([at('ign', '公开', 'a.txt')]);
  });
});
