import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/report/model.js';
import { rankByErrors } from '../../src/report/summary.js';
import { formatText } from '../../src/report/text.js';
import { displayWidth } from '../../src/report/width.js';
import { REPORT_SIGNATURE } from '../../src/version.js';
import { BATCH, reportFor, SINGLE } from './support.js';

const WIDTH = 100;

/** A one-document report holding the given findings, as the engine would sort them. */
function reportOf(findings: Finding[]): Report {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    tool: { name: 'zjs', version: '0.1.0' },
    documents: [
      {
        source: 'a.txt',
        family: { id: 'mof-final', name: '部门决算（九张表）' },
        department: '示例局',
        year: 2024,
        unit: '万元',
        tables: [],
        outcome: errors > 0 ? 'fail' : 'pass',
        checks: { run: findings.length, passed: 0, failed: findings.length, rounding: 0, skipped: 0 },
        findings,
      },
    ],
    summary: { documents: 1, passed: errors > 0 ? 0 : 1, failed: errors > 0 ? 1 : 0, unreadable: 0, errors, warnings: findings.length - errors, infos: 0, accepted: 0 },
  };
}

function finding(n: number, message: string): Finding {
  return { rule: 'placeholder-text', id: `placeholder-text:x/${n}`, severity: n % 2 === 0 ? 'error' : 'warning', status: 'fail', message, messageId: 'found', params: {}, locations: [{ file: 'a.txt', line: n + 1 }] };
}

describe('the text report', () => {
  it('names itself on its first line', async () => {
    const out = formatText(await reportFor(SINGLE), { lang: 'zh', color: false, width: WIDTH });
    expect(out.split('\n')[0]).toContain(REPORT_SIGNATURE);
  });

  it('wraps a 1,000-digit token inside its column and keeps every digit', () => {
    const token = '7'.repeat(1000);
    const out = formatText(reportOf([finding(0, `金额${token}万元`)]), { lang: 'zh', color: false, width: WIDTH });
    const lines = out.split('\n');
    // Every line of the table fits the terminal, except the explain hint, which is never cut.
    for (const line of lines.filter((l) => !l.includes('→'))) expect(displayWidth(line)).toBeLessThanOrEqual(WIDTH);
    const digits = lines.map((l) => /(7+)/.exec(l.slice(l.lastIndexOf('  ') + 2))?.[1] ?? '').join('');
    expect(digits).toBe(token);
  });

  it('breaks a long location after a “/” of its path, never inside its line number', () => {
    const long = { ...finding(0, '示例局XX局'), locations: [{ file: 'departments/district-one/finance-bureau/2024/disclosure-final.txt', line: 4321 }] };
    const out = formatText(reportOf([long]), { lang: 'zh', color: false, width: WIDTH });
    expect(out).toMatch(/\n {2}(2024\/)?disclosure-final\.txt:4321(\s|$)/m);
    expect(out).not.toMatch(/:43\s*\n\s*21/);
  });

  it('renders 100,000 findings as one table of two or more lines each', () => {
    const findings = Array.from({ length: 100_000 }, (_, n) => finding(n, `第${n}处占位符“XX局”未替换`));
    const out = formatText(reportOf(findings), { lang: 'zh', color: false, width: WIDTH });
    const lines = out.split('\n');
    const rows = lines.filter((l) => /^ {2}a\.txt:\d+ /.test(l));
    expect(rows).toHaveLength(100_000);
    expect(lines.filter((l) => l.includes('→ 编号: placeholder-text:x/'))).toHaveLength(100_000);
    expect(lines.at(-2)).toBe('合计: 1 个文档, 通过 0, 不通过 1, 无法读取 0; 错误 50000, 警告 50000, 提示 0');
  });

  it('folds rounding notes and skipped checks by table unless --verbose', async () => {
    const report = await reportFor(SINGLE);
    const doc = report.documents[0];
    const notes = doc?.findings.filter((f) => f.severity === 'info' && (f.status === 'rounding' || f.status === 'skipped')) ?? [];
    expect(notes.length).toBe(22);
    const folded = formatText(report, { lang: 'zh', color: false, width: WIDTH });
    const verbose = formatText(report, { lang: 'zh', color: false, width: WIDTH, verbose: true });
    const rows = (out: string) => out.split('\n').filter((l) => /^ {2}fixtures\/\S+:\d+ +提示/.test(l)).length;
    // Only the note that is neither rounding nor skipped (a narrative explanation) stays a row.
    expect(rows(folded)).toBe(1);
    expect(rows(verbose)).toBe(23);
    expect(folded).toContain('提示：尾数误差 21 条，跳过的检查 1 条（加 --verbose 逐条列出）');
    expect(folded).toMatch(/尾数误差 {2}支出决算表: 7 条，差额 0\.01\n/);
    expect(folded).toMatch(/跳过 {6}财政拨款“三公”经费支出决算表: 1 条：表中缺少所需单元格\n/);
    expect(verbose).not.toContain('提示：尾数误差');
  });

  it('shows each finding id, with the explain command for a computed check', async () => {
    const report = await reportFor(SINGLE);
    const out = formatText(report, { lang: 'en', color: false, width: WIDTH });
    expect(out).toContain('→ id: empty-table-note:gov-fund/wrong/0');
    expect(out).toContain('→ how it was computed: zjs explain fixtures/zhuzhou-hrss-2023.txt --finding narrative-rate:rate/92.1%');
  });

  it('ends a batch with the documents ranked by errors, then warnings, with their worst rule', async () => {
    const report = await reportFor(BATCH);
    const out = formatText(report, { lang: 'en', color: false, width: 160 });
    const ranking = out.slice(out.indexOf('Departments, most errors first:'));
    const rows = ranking.split('\n').filter((l) => /^ {2}\d+ /.test(l));
    expect(rows).toHaveLength(BATCH.length);
    const ranked = rankByErrors(report);
    rows.forEach((row, i) => expect(row.endsWith(ranked[i]?.document.source ?? '?'), row).toBe(true));
    expect(ranked.map((t) => t.errors)).toEqual([...ranked.map((t) => t.errors)].sort((a, b) => b - a));
    const worst = ranked[0]?.document.findings.filter((f) => f.severity === 'error').map((f) => f.rule)[0];
    expect(rows[0]).toContain(`${worst} (`);
  });
});
