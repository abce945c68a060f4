import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';
import { claimed2024Text, lastYear2023Text } from '../support/final-pair.js';
import { plant } from '../support/fixtures.js';
import { BUDGET_2023, BUDGET_2024 } from '../support/planted.js';

interface JsonReport {
  schemaVersion: number;
  documents: Array<{ source: string; related?: Record<string, { source: string; year: number | null; match: string }>; findings: Array<{ rule: string; severity: string; message: string; messageId: string; params: Record<string, string>; locations: Array<{ file: string; line: number }> }> }>;
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe('zjs check on a set of documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zjs-sets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reconciles the 2024 budget with the 2023 one found beside it, and says how they were paired', async () => {
    const r = await run(['check', BUDGET_2023, BUDGET_2024, '-f', 'json']);
    const report = json(r.stdout);
    expect(report.schemaVersion).toBe(4);
    const [a, b] = report.documents;
    expect(a?.related).toBeUndefined();
    expect(b?.related).toEqual({ previous: { source: BUDGET_2023, department: '示例市示例局', year: 2023, match: '部门名称相同：“示例市示例局”' } });
    expect(b?.findings.filter((f) => f.rule.startsWith('set-'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('reports a 比上年 claim that last year’s budget does not bear out, naming both files and cells', async () => {
    const previous = join(dir, 'budget-2023.txt');
    writeFileSync(previous, plant(readFileSync(BUDGET_2023, 'utf8'), 38, '1,945.00', '1,955.00', 2));
    const r = await run(['check', BUDGET_2024, '--previous', previous, '-f', 'json', '--lang', 'en']);
    const [doc] = json(r.stdout).documents;
    const set = doc?.findings.filter((f) => f.rule === 'set-budget-previous') ?? [];
    expect(set.map((f) => [f.severity, f.locations.map((l) => `${l.file}:${l.line}`)])).toEqual([['error', [`${BUDGET_2024}:6`, `${previous}:38`]]]);
    expect(set[0]?.message).toContain(previous);
    expect(set[0]?.params.detail).toBe(set[0]?.message);
    expect(doc?.related?.previous?.match).toBe('given by --previous');
    expect(r.code).toBe(1);
  });

  it('takes a configured severity for a rule across documents, as for any rule', async () => {
    const previous = join(dir, 'budget-2023-severity.txt');
    writeFileSync(previous, plant(readFileSync(BUDGET_2023, 'utf8'), 38, '1,945.00', '1,955.00', 2));
    const config = join(dir, 'severity.json');
    writeFileSync(config, JSON.stringify({ severity: { 'set-budget-previous': 'warning' } }));
    const r = await run(['check', BUDGET_2024, '--previous', previous, '--config', config, '-f', 'json']);
    expect(r.stderr).toBe('');
    const [doc] = json(r.stdout).documents;
    expect(doc?.findings.filter((f) => f.rule === 'set-budget-previous').map((f) => f.severity)).toEqual(['warning']);
  });

  it('with --no-sets, checks each document alone (and streams the batch)', async () => {
    const previous = join(dir, 'budget-2023-off.txt');
    writeFileSync(previous, plant(readFileSync(BUDGET_2023, 'utf8'), 38, '1,945.00', '1,955.00', 2));
    const r = await run(['check', previous, BUDGET_2024, '--no-sets', '-f', 'json']);
    const report = json(r.stdout);
    expect(report.documents.map((d) => d.related)).toEqual([undefined, undefined]);
    expect(report.documents.flatMap((d) => d.findings.filter((f) => f.rule.startsWith('set-')))).toEqual([]);
    const paired = json((await run(['check', previous, BUDGET_2024, '-f', 'json'])).stdout);
    expect(paired.documents[1]?.findings.filter((f) => f.rule === 'set-budget-previous').map((f) => f.severity)).toEqual(['error']);
  });

  it('shows a finding across documents with its id, not an explain command that cannot show it', async () => {
    const previous = join(dir, 'budget-2023-text.txt');
    writeFileSync(previous, plant(readFileSync(BUDGET_2023, 'utf8'), 38, '1,945.00', '1,955.00', 2));
    const r = await run(['check', BUDGET_2024, '--previous', previous]);
    expect(r.stdout).toContain('set-budget-previous:previous/total');
    expect(r.stdout).not.toContain('zjs explain fixtures/budget/budget-2024.txt --finding set-budget-previous');
  });

  it('refuses a --previous that holds no document, in one line', async () => {
    const r = await run(['check', BUDGET_2024, '--previous', join(dir, 'nothing-here')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('zjs claims on a budget', () => {
  it('says which 比上年 claims need last year’s budget when it is not given', async () => {
    const r = await run(['claims', BUDGET_2024, '-f', 'json']);
    const [doc] = JSON.parse(r.stdout) as Array<{ acrossDocuments: Array<{ item: string; verdict: string }> }>;
    expect(doc?.acrossDocuments.map((c) => `${c.item} ${c.verdict}`)).toEqual(['total not-given', 'fiscal not-given', 'general not-given', 'three-public not-given']);
  });

  it('names last year’s budget, not last year’s accounts, as what a budget’s 比上年 needs', async () => {
    const r = await run(['claims', BUDGET_2024]);
    expect(r.stdout).toMatch(/需要上年预算才能核对、本次未核对的比较（1 个）：\n.*:12 {2}\[上年预算\]/);
    expect(r.stdout).not.toContain('[上年决算]');
  });

  it('checks them against last year’s budget given with it', async () => {
    const r = await run(['claims', BUDGET_2023, BUDGET_2024]);
    expect(r.stdout).toContain('■ 需要另一文档核对的主张');
    expect(r.stdout).toMatch(/\[比上年\] 一致（fixtures\/budget\/budget-2023\.txt）/);
    expect(r.stdout).not.toContain('未核对：需要上年预算');
  });
});

describe('zjs check and zjs claims on a 决算 whose 说明 compares with last year', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zjs-final-pair-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const thisYear = join(dir, 'final-2024.txt');
  writeFileSync(thisYear, claimed2024Text());

  it('reports the claim that last year’s 决算 does not bear out, naming both files and cells', async () => {
    const previous = join(dir, 'final-2023.txt');
    writeFileSync(previous, lastYear2023Text('4,010.00'));
    const r = await run(['check', thisYear, '--previous', previous, '-f', 'json']);
    const [doc] = json(r.stdout).documents;
    const set = doc?.findings.filter((f) => f.rule === 'set-final-claims') ?? [];
    expect(set.map((f) => [f.severity, f.locations.map((l) => `${l.file}:${l.line}`)])).toEqual([
      ['error', [`${thisYear}:318`, `${previous}:60`]],
      ['error', [`${thisYear}:318`, `${previous}:60`]],
    ]);
    expect(set[0]?.message).toContain(previous);
    expect(set[1]?.message).toBe(`2024年决算说明称收入支出决算总表“收入总计”4372.7万元、比上年增长9.32%；按2023年决算（${previous}）收入支出决算总表“收入总计”4,010.00万元计算为9.04%`);
  });

  it('lists the claims as needing last year’s 决算, then checks them when it is given', async () => {
    const alone = await run(['claims', thisYear]);
    expect(alone.stdout).toContain('未核对：需要上年决算（未一并给出）');
    const previous = join(dir, 'final-2023-clean.txt');
    writeFileSync(previous, lastYear2023Text());
    const r = await run(['claims', previous, thisYear, '-f', 'json']);
    const [, doc] = JSON.parse(r.stdout) as Array<{ acrossDocuments: Array<{ item: string; verdict: string; other?: string }> }>;
    expect(doc?.acrossDocuments.map((c) => `${c.item} ${c.verdict}`)).toEqual(['grand-total pass', 'fiscal-grand-total pass', 'general-expense pass', 'three-public-total pass']);
  });
});
