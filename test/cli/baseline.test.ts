import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { run } from '../support/cli.js';
import { plant, readFixture } from '../support/fixtures.js';

const SYNTHETIC = 'fixtures/synthetic/full-2024.txt';
const ZHUZHOU = 'fixtures/zhuzhou-hrss-2023.txt';

// Two planted changes in the basic-expenditure table, each breaking exactly one class roll-up.
const CLEAN = readFixture(SYNTHETIC);
const WITH_A = plant(CLEAN, 229, '520.40', '521.40'); // 30101 → 301 = Σ fails by 1.00
const WITH_A_B = plant(WITH_A, 230, '6.80', '9.80'); // 30202 → 302 = Σ fails by 3.00
const A = 'basic-rollup:301/amount';
const B = 'basic-rollup:302/amount';

interface JsonReport {
  documents: Array<{ outcome: string; findings: Finding[] }>;
  summary: { errors: number; warnings: number; accepted: number };
}

const validateBaseline = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('schema/baseline.schema.json', 'utf8')) as object);

let dir: string;
const at = (name: string) => join(dir, name);
function write(name: string, text: string): string {
  writeFileSync(at(name), text);
  return at(name);
}
async function json(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await run([...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}
const findings = (r: JsonReport) => r.documents.flatMap((d) => d.findings);
const open = (r: JsonReport) => findings(r).filter((f) => f.severity !== 'info' && !f.accepted);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zjs-baseline-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('--write-baseline and --baseline', () => {
  it('records today’s errors, and the same check then exits 0 with them accepted', async () => {
    const doc = write('a.txt', WITH_A);
    expect((await run(['check', doc])).code).toBe(1);
    const w = await run(['check', doc, '--write-baseline', at('base.json')]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toContain('base.json');
    const baseline: unknown = JSON.parse(readFileSync(at('base.json'), 'utf8'));
    expect(validateBaseline(baseline), JSON.stringify(validateBaseline.errors)).toBe(true);
    expect(baseline).toMatchObject({ documents: [{ document: '示例市示例局 2024', findings: [{ id: A, rule: 'basic-rollup', expected: '1783.43', actual: '1782.43' }] }] });

    const r = await json(['check', doc, '--baseline', at('base.json')]);
    expect(r.code).toBe(0);
    expect(r.report.summary).toMatchObject({ errors: 0, accepted: 1 });
    expect(findings(r.report).find((f) => f.id === A)?.accepted).toEqual({ by: 'baseline', file: at('base.json') });
    expect(r.report.documents[0]?.outcome).toBe('pass');
  });

  it('writes the same bytes again, over the existing baseline', async () => {
    const before = readFileSync(at('base.json'));
    expect((await run(['check', at('a.txt'), '--write-baseline', at('base.json')])).code).toBe(0);
    expect(readFileSync(at('base.json')).equals(before)).toBe(true);
  });

  it('fails on a new problem and names only it', async () => {
    const r = await json(['check', write('ab.txt', WITH_A_B), '--baseline', at('base.json')]);
    expect(r.code).toBe(1);
    expect(open(r.report).map((f) => f.id)).toEqual([B]);
    expect(findings(r.report).find((f) => f.id === A)?.accepted?.by).toBe('baseline');
    const text = await run(['check', at('ab.txt'), '--baseline', at('base.json')]);
    expect(text.stdout).toContain('302 商品和服务支出');
    expect(text.stdout).toMatch(/不通过（已接受 1 条）/);
  });

  it('keeps accepting when unrelated lines move', async () => {
    const lines = WITH_A.split('\n');
    lines.splice(2, 0, '', '', '');
    const r = await json(['check', write('moved.txt', lines.join('\n')), '--baseline', at('base.json')]);
    expect(r.code).toBe(0);
    const f = findings(r.report).find((x) => x.id === A);
    expect(f?.accepted?.by).toBe('baseline');
    expect(f?.locations[0]?.line).toBe(231);
  });

  it('keeps accepting when the file moves or is renamed: documents are keyed by department and year', async () => {
    mkdirSync(at('elsewhere'), { recursive: true });
    const r = await run(['check', write('elsewhere/renamed.txt', WITH_A), '--baseline', at('base.json')]);
    expect(r.code).toBe(0);
  });

  it('keeps a draft and the published copy of one disclosure apart, and follows them when both move', async () => {
    for (const d of ['copies/草稿', 'copies/公开']) mkdirSync(at(d), { recursive: true });
    const draft = write('copies/草稿/a.txt', WITH_A_B);
    const published = write('copies/公开/a.txt', WITH_A);
    expect((await run(['check', at('copies'), '--write-baseline', at('copies.json')])).code).toBe(0);
    const baseline = JSON.parse(readFileSync(at('copies.json'), 'utf8')) as { documents: Array<{ document: string; source: string; findings: Array<{ id: string }> }> };
    expect(baseline.documents.map((d) => [d.document, d.source.endsWith('a.txt'), d.findings.map((f) => f.id)])).toEqual([
      ['示例市示例局 2024', true, [A]],
      ['示例市示例局 2024', true, [A, B]],
    ]);
    // The same tree: everything accepted, and no copy is told about the other's findings.
    const same = await run(['check', at('copies'), '--baseline', at('copies.json')]);
    expect(same.code, same.stdout).toBe(0);
    expect(same.stderr).toBe('');
    // The draft is fixed: only the draft's B is gone, and the notice names the draft's path.
    write('copies/草稿/a.txt', WITH_A);
    const fixed = await run(['check', at('copies'), '--baseline', at('copies.json'), '--lang', 'en']);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr.trim().split('\n')).toEqual([`zjs: notice: ${at('copies.json')}: 示例市示例局 2024 (${draft}): 1 baseline finding(s) no longer occur (update the baseline with --write-baseline): ${B}`]);
    // Both copies move: each is matched to its own entry by the findings it shares with it.
    write('copies/草稿/a.txt', WITH_A_B);
    for (const d of ['moved/draft', 'moved/final']) mkdirSync(at(d), { recursive: true });
    write('moved/draft/x.txt', WITH_A_B);
    write('moved/final/y.txt', WITH_A);
    const moved = await run(['check', at('moved'), '--baseline', at('copies.json')]);
    expect(moved.code, moved.stdout).toBe(0);
    expect(moved.stderr).toBe('');
    expect(published).toContain('公开');
  });

  it('keeps accepting a quoted defect (a placeholder) when lines are added above it and the file moves', async () => {
    const line = CLEAN.split('\n').findIndex((l) => l.startsWith('示例市示例局负责')) + 1;
    const placeholder = plant(CLEAN, line, '示例市示例局负责', '示例市XX局负责');
    const first = write('placeholder.txt', placeholder);
    const before = await json(['check', first]);
    const id = open(before.report).map((f) => f.id);
    expect(id).toEqual(['placeholder-text:narrative/示例市[XX]局负责本市示例事']);
    expect((await run(['check', first, '--write-baseline', at('placeholder.json')])).code).toBe(0);
    mkdirSync(at('placeholder-moved'), { recursive: true });
    const moved = write('placeholder-moved/renamed.txt', `\n\n\n${placeholder}`);
    const after = await json(['check', moved, '--baseline', at('placeholder.json')]);
    expect(after.code).toBe(0);
    expect(findings(after.report).find((f) => f.rule === 'placeholder-text')).toMatchObject({ id: id[0], accepted: { by: 'baseline' }, locations: [{ line: line + 3 }] });
  });

  it('reports a finding whose numbers changed, and says why', async () => {
    const changed = plant(CLEAN, 229, '520.40', '530.40');
    const r = await json(['check', write('changed.txt', changed), '--baseline', at('base.json')]);
    expect(r.code).toBe(1);
    expect(open(r.report).map((f) => f.id)).toEqual([A]);
    expect(r.stderr).toContain('base.json');
    expect(r.stderr).toContain(A);
    expect(r.stderr).toContain('数字与基线不同');
  });

  it('says when accepted findings no longer occur, and passes', async () => {
    const r = await run(['check', write('clean.txt', CLEAN), '--baseline', at('base.json'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`no longer occur (update the baseline with --write-baseline): ${A}`);
  });

  it('accepts warnings too, so that --fail-on warning passes on a baseline', async () => {
    const plain = await json(['check', ZHUZHOU]);
    const { errors, warnings } = plain.report.summary as { errors: number; warnings: number };
    expect(warnings).toBeGreaterThan(0);
    expect((await run(['check', ZHUZHOU, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['check', ZHUZHOU, '--write-baseline', at('zz.json')])).code).toBe(0);
    const r = await json(['check', ZHUZHOU, '--fail-on', 'warning', '--baseline', at('zz.json')]);
    expect(r.code).toBe(0);
    expect(r.report.summary).toMatchObject({ errors: 0, warnings: 0, accepted: errors + warnings });
    // Notes are not recorded: they never fail a run.
    const baseline = JSON.parse(readFileSync(at('zz.json'), 'utf8')) as { documents: Array<{ findings: Array<{ severity: string }> }> };
    const recorded = baseline.documents[0]?.findings.map((f) => f.severity) ?? [];
    expect(recorded).toHaveLength(errors + warnings);
    expect(recorded.filter((s) => s === 'warning')).toHaveLength(warnings);
  });

  it('never writes the baseline over an input, a report or the waiver file', async () => {
    const doc = write('keep.txt', WITH_A);
    const over = await run(['check', doc, '--write-baseline', doc]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('基线文件不能写在输入文件');
    expect(readFileSync(doc, 'utf8')).toBe(WITH_A);
    const same = await run(['check', doc, '-f', 'json', '-o', at('r.json'), '--write-baseline', at('r.json')]);
    expect(same.code).toBe(2);
    const waivers = write('w.json', JSON.stringify({ waivers: [] }));
    expect((await run(['check', doc, '--waivers', waivers, '--write-baseline', waivers])).code).toBe(2);
    expect(readFileSync(waivers, 'utf8')).toBe(JSON.stringify({ waivers: [] }));
  });

  it('does not write a baseline when a document cannot be read', async () => {
    const r = await run(['check', at('a.txt'), 'fixtures/bad/empty.txt', '--write-baseline', at('partial.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未写入基线');
    expect(() => readFileSync(at('partial.json'))).toThrow();
  });

  it('takes --baseline or --write-baseline, not both', async () => {
    expect((await run(['check', at('a.txt'), '--baseline', at('base.json'), '--write-baseline', at('other.json')])).code).toBe(2);
  });

  it.each([
    ['not JSON', '{"tool": "zjs",', 'invalid JSON'],
    ['another shape', JSON.stringify({ tool: 'zjs', baseline: 1, documents: [{ document: 'x', findings: [{ rule: 'basic-rollup' }] }] }), 'documents[0].findings[0].id'],
    ['an unknown key', JSON.stringify({ tool: 'zjs', baseline: 1, documents: [], extra: true }), 'unknown key “extra”'],
  ])('rejects a baseline that is %s: one line, exit 2', async (_, text, message) => {
    const file = write('bad-baseline.json', text);
    const r = await run(['check', at('a.txt'), '--baseline', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad-baseline.json');
    expect(r.stderr).toContain(message);
  });
});
