import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WaiverFileSchema } from '../../src/cli/acceptance.js';
import type { Finding } from '../../src/model/finding.js';
import { run } from '../support/cli.js';
import { plant, readFixture } from '../support/fixtures.js';

const CLEAN = readFixture('fixtures/synthetic/full-2024.txt');
const WITH_A_B = plant(plant(CLEAN, 229, '520.40', '521.40'), 230, '6.80', '9.80');
const A = 'basic-rollup:301/amount';
const B = 'basic-rollup:302/amount';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validateWaivers = ajv.compile(JSON.parse(readFileSync('schema/waivers.schema.json', 'utf8')) as object);

interface JsonReport {
  documents: Array<{ findings: Finding[] }>;
  summary: { errors: number; accepted: number };
}

let dir: string;
let doc: string;
const who = { reason: '原表已更正，待下次公开时替换', author: '财务科 王敏' };

function waiverFile(waivers: unknown, name = 'waivers.json'): string {
  const file = join(dir, name);
  writeFileSync(file, typeof waivers === 'string' ? waivers : JSON.stringify({ waivers }, null, 2));
  return file;
}
async function check(waivers: unknown, extra: string[] = []) {
  const r = await run(['check', doc, '--waivers', waiverFile(waivers), '--format', 'json', ...extra]);
  const report = JSON.parse(r.stdout) as JsonReport;
  const all = report.documents.flatMap((d) => d.findings);
  return { code: r.code, stderr: r.stderr, report, accepted: all.filter((f) => f.accepted).map((f) => f.id), open: all.filter((f) => f.severity === 'error' && !f.accepted).map((f) => f.id), all };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zjs-waivers-'));
  doc = join(dir, 'doc.txt');
  writeFileSync(doc, WITH_A_B);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('--waivers', () => {
  it('accepts exactly the finding an id names, with its reason and author', async () => {
    const r = await check([{ rule: 'basic-rollup', id: A, ...who, date: '2024-05-20' }]);
    expect(r.code).toBe(1);
    expect(r.accepted).toEqual([A]);
    expect(r.open).toEqual([B]);
    expect(r.all.find((f) => f.id === A)?.accepted).toEqual({ by: 'waiver', file: join(dir, 'waivers.json'), ...who, date: '2024-05-20' });
    expect(r.stderr).toBe('');
  });

  it('accepts by table, row and column: the findings of the rule that rest on that cell', async () => {
    const r = await check([{ rule: 'basic-rollup', table: 'general-budget-basic', row: '302', column: 'amount', ...who }]);
    expect(r.accepted).toEqual([B]);
    expect(r.open).toEqual([A]);
  });

  it('exits 0 when every error is accepted, and the reports still show them', async () => {
    const both = [
      { rule: 'basic-rollup', id: A, ...who },
      { rule: 'basic-rollup', table: 'general-budget-basic', row: '302', ...who },
    ];
    const r = await check(both);
    expect(r.code).toBe(0);
    expect(r.report.summary).toMatchObject({ errors: 0, accepted: 2 });
    const text = await run(['check', doc, '--waivers', waiverFile(both)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('已接受：豁免');
    expect(text.stdout).toContain('通过（已接受 2 条）');
    const md = await run(['check', doc, '--waivers', waiverFile(both), '-f', 'markdown']);
    expect(md.stdout).toContain('原表已更正，待下次公开时替换（财务科 王敏）');
  });

  it('names the rule: a waiver of another rule at the same cell accepts nothing', async () => {
    const r = await check([{ rule: 'basic-totals', table: 'general-budget-basic', row: '302', ...who }]);
    expect(r.accepted).toEqual([]);
    expect(r.stderr).toContain('第 1 条豁免');
    expect(r.stderr).toContain('未匹配任何问题');
  });

  it('limits a waiver to one document by department and year, or by path', async () => {
    expect((await check([{ rule: 'basic-rollup', id: A, document: '示例市示例局 2024', ...who }])).accepted).toEqual([A]);
    expect((await check([{ rule: 'basic-rollup', id: A, document: doc, ...who }])).accepted).toEqual([A]);
    const other = await check([{ rule: 'basic-rollup', id: A, document: '另一个局 2024', ...who }], ['--lang', 'en']);
    expect(other.accepted).toEqual([]);
    expect(other.stderr).toContain(`waiver 1 (${A} @ 另一个局 2024) matches no finding`);
  });

  it('stops accepting after its expiry date, and says so', async () => {
    const r = await check([
      { rule: 'basic-rollup', id: A, ...who, expires: '2000-01-31' },
      { rule: 'basic-rollup', id: B, ...who, expires: '2999-12-31' },
    ]);
    expect(r.accepted).toEqual([B]);
    expect(r.open).toEqual([A]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已于 2000-01-31 到期');
  });

  it.each([
    ['no reason', [{ rule: 'basic-rollup', id: A, author: 'x' }], 'waivers[0].reason: reason is required'],
    ['an empty reason', [{ rule: 'basic-rollup', id: A, reason: '  ', author: 'x' }], 'reason must not be empty'],
    ['no author', [{ rule: 'basic-rollup', id: A, reason: 'x' }], 'waivers[0].author: author is required'],
    // The registry and the `rule:` prefix of an id are checked by zjs only, beyond what the JSON Schema can say.
    ['an unknown rule', [{ rule: 'no-such-rule', id: 'no-such-rule:x', ...who }], 'unknown rule id', false],
    ['an id of another rule', [{ rule: 'basic-rollup', id: 'expense-rollup:expense/208/total', ...who }], 'rule:key', false],
    ['no place', [{ rule: 'basic-rollup', ...who }], 'names a finding `id` or a `table`'],
    ['a row without a table', [{ rule: 'basic-rollup', id: A, row: '302', ...who }], 'need a `table`'],
    ['an unknown table', [{ rule: 'basic-rollup', table: 'budget', ...who }], 'table must be one of'],
    ['a bad date', [{ rule: 'basic-rollup', id: A, ...who, expires: '31/12/2024' }], 'YYYY-MM-DD'],
    ['an unknown key', [{ rule: 'basic-rollup', id: A, ...who, note: 'x' }], 'unknown key “note”'],
  ])('rejects a waiver with %s: one line naming the file, exit 2', async (_, waivers, message, bySchema = true) => {
    const file = waiverFile(waivers, 'bad.json');
    const r = await run(['check', doc, '--waivers', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`豁免文件无效: ${file}`);
    expect(r.stderr).toContain(message);
    // The published JSON Schema rejects it too.
    expect(validateWaivers({ waivers })).toBe(!bySchema);
  });

  it('rejects a file that is not JSON or not there: one line with the file (and line), exit 2', async () => {
    const broken = waiverFile('{\n  "waivers": [\n    { "rule": "basic-rollup" "table": "expense" }\n  ]\n}', 'broken.json');
    const r = await run(['check', doc, '--waivers', broken, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`zjs: invalid waiver file: ${broken}:3: invalid JSON (CommaExpected)`);
    const missing = await run(['check', doc, '--waivers', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.json: ENOENT');
  });

  it('agrees with the published schema on valid files', () => {
    const file = { $schema: '../schema/waivers.schema.json', waivers: [{ rule: 'basic-rollup', id: A, ...who, date: '2024-05-20', expires: '2024-12-31' }, { rule: 'expense-rollup', table: 'expense', row: '20801', column: 'total', document: '示例市示例局 2024', ...who }] };
    expect(validateWaivers(file), JSON.stringify(validateWaivers.errors)).toBe(true);
    expect(WaiverFileSchema.safeParse(file).success).toBe(true);
  });
});
