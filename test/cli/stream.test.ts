import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson, REPORT_SCHEMA_VERSION } from '../../src/report/json.js';
import { buildReport } from '../../src/report/model.js';
import { inertJson } from '../../src/report/controls.js';
import { BATCH, GOLDEN_DIR, reportFor } from '../report/support.js';
import { run } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'zjs-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const golden = (name: string) => readFileSync(join(GOLDEN_DIR, name), 'utf8');

describe('reports written document by document', () => {
  it('are byte for byte the reports rendered whole: text on standard output, json and csv files', async () => {
    const json = join(dir, 'batch.json');
    const csv = join(dir, 'batch.csv');
    const result = await run(['check', ...BATCH, '--lang', 'zh', '-f', 'text', '-f', 'json', '-o', json, '-f', 'csv', '-o', csv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(golden('batch.txt'));
    expect(readFileSync(json, 'utf8')).toBe(golden('batch.json'));
    expect(readFileSync(csv, 'utf8')).toBe(golden('batch.csv'));
  });

  it('stay whole beside a format that needs the whole batch (html)', async () => {
    const json = join(dir, 'mixed.json');
    const html = join(dir, 'mixed.html');
    await run(['check', ...BATCH, '--lang', 'zh', '-f', 'html', '-o', html, '-f', 'json', '-o', json]);
    expect(readFileSync(json, 'utf8')).toBe(golden('batch.json'));
    expect(readFileSync(html, 'utf8')).toContain('<html');
  });

  it('write nothing, and leave no file, when no document is found', async () => {
    const json = join(dir, 'none.json');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const result = await run(['check', empty, '-f', 'json', '-o', json]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
    expect(result.stdout).toBe('');
    expect(() => readFileSync(json)).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('json: the streamed form equals JSON.stringify of the whole report, for none, one and several documents', async () => {
    const report = await reportFor(BATCH, 'zh');
    for (const documents of [[], report.documents.slice(0, 1), report.documents]) {
      const whole = { ...report, documents };
      const { tool, ...rest } = whole;
      expect(formatJson(whole)).toBe(inertJson(`${JSON.stringify({ tool, schemaVersion: REPORT_SCHEMA_VERSION, ...rest }, null, 2)}\n`));
    }
    expect(formatJson(buildReport([]))).toContain('"documents": []');
  });
});
