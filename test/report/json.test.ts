import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { run } from '../support/cli.js';

const schema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

describe('--format json', () => {
  it.each([
    [['fixtures/zhuzhou-hrss-2023.txt']],
    [['fixtures/zhuzhou-hrss-2023-csv', 'fixtures/synthetic', 'fixtures/bad/empty.txt']],
    [['fixtures/bad/non-numeric', 'fixtures/shanghai-sample-2024-csv']],
    // A set: the 2024 budget carries `related`, the 2023 one it was reconciled with.
    [['fixtures/budget']],
  ])('matches the published JSON Schema for %j', async (paths) => {
    const r = await run(['check', ...paths, '--format', 'json']);
    const report: unknown = JSON.parse(r.stdout);
    const ok = validate(report);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('matches the published JSON Schema with accepted findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjs-json-'));
    try {
      const waivers = join(dir, 'waivers.json');
      writeFileSync(waivers, JSON.stringify({ waivers: [{ rule: 'cell-unreadable', table: 'expense', reason: '已核对原件', author: '王敏', date: '2024-05-20' }] }));
      const r = await run(['check', 'fixtures/bad/non-numeric', '--waivers', waivers, '--format', 'json']);
      // Still 1: the narrative of this Zhuzhou copy has errors of its own, which the waiver does not name.
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { summary: { accepted: number } };
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(report.summary.accepted).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await run(['check', 'fixtures', '--format', 'json']);
    const b = await run(['check', 'fixtures', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(1000);
  });

  it('is schema version 4: each finding names its message and the values that filled it', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = await run(['check', 'fixtures/zhuzhou-hrss-2023.txt', 'fixtures/bad/non-numeric', '--format', 'json', '--lang', lang]);
      const report = JSON.parse(r.stdout) as { schemaVersion: number; documents: Array<{ findings: Array<{ rule: string; message: string; messageId: string; params: Record<string, string> }> }> };
      expect(report.schemaVersion).toBe(4);
      const findings = report.documents.flatMap((d) => d.findings);
      expect(findings.length).toBeGreaterThan(20);
      for (const f of findings) {
        const meta = RULES.find((rule) => rule.meta.id === f.rule)?.meta;
        const template = meta?.messages[f.messageId] ?? (f.messageId === 'title' ? meta?.title : undefined);
        expect(template, `${f.rule} ${f.messageId}`).toBeDefined();
        for (const value of Object.values(f.params)) expect(typeof value).toBe('string');
        // The message table and the params give back the message's subject, in the report's language.
        const subject = (template?.[lang] ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => f.params[name] ?? whole);
        const shown = lang === 'en' ? subject.charAt(0).toUpperCase() + subject.slice(1) : subject;
        expect(f.message.startsWith(shown), `${f.message} / ${shown}`).toBe(true);
      }
    }
  });

  it('keeps amounts as decimal strings', async () => {
    const r = await run(['check', 'fixtures/zhuzhou-hrss-2023.txt', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { documents: Array<{ findings: Array<Record<string, unknown>> }> };
    for (const f of report.documents[0]?.findings ?? []) {
      for (const key of ['expected', 'actual', 'difference', 'tolerance']) if (key in f) expect(typeof f[key]).toBe('string');
    }
  });
});
