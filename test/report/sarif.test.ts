import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { formatGithub } from '../../src/report/github.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatSarif, toUri } from '../../src/report/sarif.js';
import { ACCEPTANCE, BATCH, reportFor, ROOT, SINGLE } from './support.js';

// The SARIF 2.1.0 schema as shipped in package/sarif-2.1.0.json of @microsoft/sarif-multitool-linux 5.7.0
// (the SARIF SDK's copy of the OASIS schema, JSON Schema 2020-12).
const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'test', 'report', 'sarif-schema-2.1.0.json'), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema as object);
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; name: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
      partialFingerprints: Record<string, string>;
    }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }>;
  }>;
}

describe('SARIF', () => {
  const validate = validator();

  for (const [name, paths] of [
    ['zhuzhou', SINGLE],
    ['batch', BATCH],
  ] as const) {
    it(`is valid SARIF 2.1.0 (${name})`, async () => {
      const report = await reportFor(paths);
      const log: unknown = JSON.parse(formatSarif(report, { lang: 'zh' }));
      const ok = validate(log);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
      expect(ok).toBe(true);

      const sarif = log as SarifLog;
      const run = sarif.runs[0];
      expect(sarif.version).toBe('2.1.0');
      expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
      const findings = report.documents.flatMap((d) => d.findings);
      expect(run?.results).toHaveLength(findings.length);
      run?.results.forEach((result, i) => {
        const f = findings[i];
        expect(result.ruleId).toBe(f?.rule);
        expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f?.severity ?? 'info']);
        expect(result.partialFingerprints['zjsFindingId/v1']).toBe(f?.id);
        expect(result.message.text).toBe(f?.message);
        expect(run.tool.driver.rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
        const uri = result.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
        expect(uri).toMatch(/^fixtures\//);
        if (f?.locations[0]) expect(result.locations[0]?.physicalLocation.region?.startLine).toBe(f.locations[0].line);
      });
      const unreadable = report.documents.filter((d) => d.outcome === 'unreadable').length;
      expect(run?.invocations[0]?.executionSuccessful).toBe(unreadable === 0);
      expect(run?.invocations[0]?.toolExecutionNotifications ?? []).toHaveLength(unreadable);
    });
  }

  it('points a workbook or PDF finding at the file on disk, with the sheet row or page line as properties, not as a file line', async () => {
    const report = await reportFor(['fixtures/zhuzhou-hrss-2023.xlsx', 'fixtures/shanghai-sample-2024-seeded.pdf']);
    const log: unknown = JSON.parse(formatSarif(report, { lang: 'zh' }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    type Loc = { physicalLocation: { artifactLocation: { uri: string }; region?: unknown }; properties?: Record<string, unknown> };
    const results = (log as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Loc[] }> }> }).runs[0]?.results ?? [];
    const uris = new Set(results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['fixtures/shanghai-sample-2024-seeded.pdf', 'fixtures/zhuzhou-hrss-2023.xlsx']);
    // table-missing is the exception today: see the test below.
    expect(results.filter((r) => r.ruleId !== 'table-missing').every((r) => r.locations.every((l) => l.physicalLocation.region === undefined))).toBe(true);
    const slip = results.find((r) => r.message.text.includes('“收入支出总计”为 0万元'));
    expect(slip?.locations[0]?.properties).toEqual({ page: 12, line: 4 });
    const rollup = results.find((r) => r.ruleId === 'income-rollup');
    expect(rollup?.locations[0]?.properties).toEqual({ sheet: '收入决算表', row: 18 });
  }, 60_000);

  it('GitHub annotations likewise: the file on disk, no line for a PDF or a workbook, the page or sheet in the title', async () => {
    const report = await reportFor(['fixtures/zhuzhou-hrss-2023.xlsx', 'fixtures/shanghai-sample-2024-seeded.pdf']);
    const lines = formatGithub(report, { lang: 'zh' }).split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=fixtures\/shanghai-sample-2024-seeded\.pdf,title=.*\(narrative-amount\) @ p12%3A4::.*收入支出总计.*为 0万元/));
    expect(lines).toContainEqual(expect.stringMatching(/^::notice file=fixtures\/zhuzhou-hrss-2023\.xlsx,title=.*\(income-rollup\) @ 收入决算表%3A18::/));
    expect(lines.filter((l) => l.startsWith('::') && l.includes(',line=') && !l.includes('(table-missing)'))).toEqual([]);
    // JUnit too: file attributes name the file on disk, and no line attribute is a page line or a sheet row.
    const xml = formatJunit(report, { lang: 'zh', failOn: 'error' });
    expect([...new Set([...xml.matchAll(/ file="([^"]*)"/g)].map((m) => m[1]))].sort()).toEqual(['fixtures/shanghai-sample-2024-seeded.pdf', 'fixtures/zhuzhou-hrss-2023.xlsx']);
    expect([...xml.matchAll(/<testcase[^>]* line=[^>]*>/g)].filter((m) => !m[0].includes('table-missing'))).toEqual([]);
    expect(xml).toContain('fixtures/zhuzhou-hrss-2023.xlsx#收入决算表:18');
  }, 60_000);

  // A whole-document finding of a PDF (the seeded copy's missing 支出决算表) points at page 1.
  it('a whole-document finding of a PDF (table-missing) carries no file line either', async () => {
    const report = await reportFor(['fixtures/shanghai-sample-2024-seeded.pdf']);
    const lines = formatGithub(report, { lang: 'zh' }).split('\n');
    expect(lines.filter((l) => l.startsWith('::') && l.includes(',line='))).toEqual([]);
    expect(formatJunit(report, { lang: 'zh', failOn: 'error' })).not.toMatch(/<testcase[^>]* line=/);
  }, 60_000);

  it('marks accepted findings as externally suppressed, with the reason as justification', async () => {
    const report = await reportFor(BATCH, 'zh', ACCEPTANCE);
    const log = JSON.parse(formatSarif(report, { lang: 'zh' })) as { runs: Array<{ results: Array<{ ruleId: string; level: string; suppressions?: Array<{ kind: string; status: string; justification: string }> }> }> };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const suppressed = log.runs[0]?.results.filter((r) => r.suppressions) ?? [];
    // The Zhuzhou document's six accepted findings (by the baseline), then its CSV copy's six and the waived cell.
    expect(suppressed.map((r) => r.ruleId).filter((id) => id === 'cell-unreadable')).toHaveLength(1);
    expect(suppressed).toHaveLength(13);
    const waived = suppressed.find((r) => r.ruleId === 'cell-unreadable');
    expect(waived?.suppressions).toEqual([
      expect.objectContaining({ kind: 'external', status: 'accepted', justification: '扫描件 OCR 把 0 识别为 O，原表为 69.90，已核对纸质件' }),
    ]);
    // The level stays what the rule says: the suppression is what tells a scanner to let it pass.
    expect(waived?.level).toBe('error');
  });

  it('is checked by a schema that rejects what SARIF forbids', async () => {
    const sarif = JSON.parse(formatSarif(await reportFor(SINGLE), { lang: 'zh' })) as SarifLog;
    const result = sarif.runs[0]?.results[0];
    if (result) result.level = 'info';
    expect(validate(sarif)).toBe(false);
  });

  it('names each rule in both languages with its default level', async () => {
    const sarif = JSON.parse(formatSarif(await reportFor(SINGLE), { lang: 'zh' })) as SarifLog;
    const rule = sarif.runs[0]?.tool.driver.rules.find((r) => r.id === 'income-rollup');
    const meta = RULES.find((r) => r.meta.id === 'income-rollup')?.meta;
    expect(rule?.name).toBe(meta?.title.en);
    expect(rule?.shortDescription.text).toBe(meta?.title.zh);
    expect(rule?.defaultConfiguration.level).toBe('error');
  });

  it('writes paths as URIs: relative with forward slashes, absolute as file URIs, segments encoded', () => {
    expect(toUri('fixtures/zhuzhou-hrss-2023.txt')).toBe('fixtures/zhuzhou-hrss-2023.txt');
    expect(toUri('.\\docs\\株洲 2023.txt')).toBe('docs/%E6%A0%AA%E6%B4%B2%202023.txt');
    expect(toUri('/srv/a b/x#1.txt')).toBe('file:///srv/a%20b/x%231.txt');
    expect(toUri('C:\\data\\x.txt')).toBe('file:///C:/data/x.txt');
  });
});
