import { describe, expect, it } from 'vitest';
import { discover, loadDocument } from '../../src/load/index.js';
import { comparable } from '../support/compare.js';
import { checkPath } from '../support/fixtures.js';

const check = (path: string) => checkPath(path);

describe('a per-table CSV folder', () => {
  it('gives the same findings as the same document as text (only files and lines differ)', async () => {
    const text = await check('fixtures/zhuzhou-hrss-2023.txt');
    const csv = await check('fixtures/zhuzhou-hrss-2023-csv');
    expect(csv.findings.length).toBe(text.findings.length);
    expect(csv.findings.map(comparable)).toEqual(text.findings.map(comparable));
    expect(csv.checks).toEqual(text.checks);
    expect([csv.department, csv.year]).toEqual([text.department, text.year]);
  });

  it('points findings to the CSV file and line of the cell', async () => {
    const csv = await check('fixtures/zhuzhou-hrss-2023-csv');
    const note = csv.findings.find((f) => f.id === 'expense-rollup:expense/20801/total');
    expect(note?.locations[0]?.file).toMatch(/zhuzhou-hrss-2023-csv\/03-.*\.csv$/);
    expect(note?.locations[0]?.line).toBeGreaterThan(5);
  });

  it('recognises Shanghai titles, order and split codes table by table', async () => {
    const doc = await check('fixtures/shanghai-sample-2024-csv');
    expect(doc.tables.every((t) => t.found)).toBe(true);
    const file = (key: string) => doc.tables.find((t) => t.key === key)?.location?.file ?? '';
    expect(file('three-public')).toMatch(/07-/);
    expect(file('gov-fund')).toMatch(/08-/);
    expect(file('state-capital')).toMatch(/09-/);
    expect(doc.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Tables only: the one warning says so.
    expect(doc.findings.filter((f) => f.severity === 'warning').map((f) => f.id)).toEqual(['required-sections:none']);
    // The sample's identities hold exactly: no rounding note, nothing skipped but the narrative.
    expect(doc.checks).toMatchObject({ failed: 1, rounding: 0, skipped: 1 });
  });

  it('reads the Shanghai split codes and blank zero cells', async () => {
    const [source] = await discover(['fixtures/shanghai-sample-2024-csv']);
    const loaded = source && (await loadDocument(source));
    if (!loaded?.ok) throw new Error('unreadable');
    const expense = loaded.value.tables.expense;
    const row = expense?.rows.find((r) => r.key === '2010501');
    const text = (c: string) => {
      const cell = row?.cells[c];
      return cell?.kind === 'amount' ? cell.amount.text : cell?.kind;
    };
    expect([text('total'), text('basic'), text('project'), text('remit')]).toEqual(['1,280.77', '1,268.37', '12.40', 'blank']);
    const tp = loaded.value.tables['three-public']?.rows[0]?.cells;
    expect(tp?.['budget-total']?.kind === 'amount' && tp['budget-total'].amount.text).toBe('31.40');
    expect(tp?.['actual-reception']?.kind === 'amount' && tp['actual-reception'].amount.text).toBe('1.12');
    expect(loaded.value.tables['state-capital']?.rows.every((r) => Object.values(r.cells).every((c) => c.kind === 'blank'))).toBe(true);
  });
});
