import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/model/number.js';
import { checkText, loadText, plant, readFixture, ZHUZHOU } from '../support/fixtures.js';

const text = readFixture(ZHUZHOU);
const doc = loadText(text);
const cells = Object.values(doc.tables).flatMap((table) =>
  table.rows.flatMap((row) =>
    Object.values(row.cells).flatMap((cell) => (cell.kind === 'amount' ? [{ table: table.key, row: row.key, amount: cell.amount }] : [])),
  ),
);

describe('changing any single amount of the Zhuzhou tables by 1.00', () => {
  it('covers every amount cell of every table', () => {
    // 42 + 47×7 + 47×6 + 38×(1 or 4) + 47×3 + 83 + 10: every printed amount, counted.
    expect(cells.length).toBeGreaterThan(900);
    expect(new Set(cells.map((c) => c.table)).size).toBe(7);
  });

  it('gives an error located at that cell, for every cell', { timeout: 600_000 }, () => {
    const missed: string[] = [];
    for (const { table, row, amount } of cells) {
      const { line, field } = amount.loc;
      if (field === undefined) throw new Error(`no field for ${table} ${row}`);
      const changed = formatMoney(amount.value.plus(1), amount.text.split('.')[1]?.length ?? 2);
      const result = checkText(plant(text, line, amount.text, changed, field));
      const hit = result.findings.some(
        (f) => f.severity === 'error' && f.locations.some((l) => l.line === line && l.field === field),
      );
      if (!hit) missed.push(`${table} ${row} ${amount.loc.column} line ${line}: ${amount.text} → ${changed}`);
    }
    expect(missed).toEqual([]);
  });
});
