import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { assemble, type SourcePart } from '../../src/load/assemble.js';
import { csvRows } from '../../src/load/csv.js';
import { formatMoney } from '../../src/model/number.js';

/** The generated Shanghai-layout sample as per-table CSV sheets (scripts/fixtures/shanghai.mjs): every cell placed. */
const FOLDER = 'fixtures/shanghai-sample-2024-csv';

const parts: SourcePart[] = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.csv'))
  .sort()
  .map((name) => {
    const file = join(FOLDER, name);
    const rows = csvRows(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    if (!rows.ok) throw new Error(`${file}: ${JSON.stringify(rows.error)}`);
    return { file, rows: rows.value };
  });
const read = (ps: readonly SourcePart[]) => assemble(FOLDER, 'csv-folder', ps);
const doc = read(parts);
const cells = Object.values(doc.tables).flatMap((table) =>
  table.rows.flatMap((row) => Object.values(row.cells).flatMap((cell) => (cell.kind === 'amount' ? [{ table: table.key, row: row.key, amount: cell.amount }] : []))),
);

/** The sheets with the cell at file, line and field replaced. */
function planted(file: string, line: number, field: number, text: string): SourcePart[] {
  return parts.map((part) =>
    part.file !== file ? part : { file, rows: part.rows.map((r) => (r.loc.line !== line ? r : { ...r, cells: r.cells.map((c, i) => (i === field - 1 ? text : c)) })) },
  );
}

describe('changing any single amount of the generated Shanghai-layout sample by 1.00', () => {
  it('reads the sample clean: no finding but the missing narrative (the sheets are tables only)', () => {
    expect(checkDocument(doc).findings.filter((f) => f.severity !== 'info').map((f) => f.id)).toEqual(['required-sections:none']);
    expect(cells.length).toBeGreaterThan(150);
    expect(new Set(cells.map((c) => c.table)).size).toBe(8);
  });

  it('gives an error located at that cell, for every cell, and never a table taken as misread', { timeout: 600_000 }, () => {
    const missed: string[] = [];
    for (const { table, row, amount } of cells) {
      const { file, line, field } = amount.loc;
      if (field === undefined) throw new Error(`no field for ${table} ${row}`);
      const changed = formatMoney(amount.value.plus(1), amount.text.split('.')[1]?.length ?? 2);
      const result = checkDocument(read(planted(file, line, field, changed)));
      const hit = result.findings.some((f) => f.severity === 'error' && f.locations.some((l) => l.file === file && l.line === line && l.field === field));
      const misread = result.findings.some((f) => f.messageId === 'table-unreliable');
      if (!hit || misread) missed.push(`${table} ${row} ${amount.loc.column} ${file}:${line}: ${amount.text} → ${changed}${misread ? ' (taken as misread)' : ''}`);
    }
    expect(missed).toEqual([]);
  });
});
