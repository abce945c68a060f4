import type { Cell, DisclosureDocument, TableKey } from '../model/document.js';
import type { Excerpt } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { template } from '../templates/tables.js';

const MAX_ROWS = 16;

function printed(cell: Cell | undefined): string | null {
  if (!cell) return null;
  // An unplaced cell is not an empty one: it shows as ?.
  return cell.kind === 'amount' ? cell.amount.text : cell.kind === 'invalid' ? cell.text : cell.kind === 'unknown' ? '?' : '';
}

/** The rows of each table that a finding's locations name, in table order, with those cells marked. */
export function excerpts(doc: DisclosureDocument, locations: readonly Location[]): Excerpt[] {
  const byTable = new Map<string, Location[]>();
  for (const loc of locations) {
    if (!loc.table || !loc.row) continue;
    const list = byTable.get(loc.table) ?? [];
    list.push(loc);
    byTable.set(loc.table, list);
  }
  const result: Excerpt[] = [];
  for (const [key, locs] of byTable) {
    const table = doc.tables[key as TableKey];
    if (!table) continue;
    const rowKeys = new Set(locs.map((l) => l.row));
    const rows = table.rows.filter((r) => rowKeys.has(r.key)).slice(0, MAX_ROWS);
    // The columns the finding names: a roll-up shows one column over its rows, a row sum the row.
    const named = new Set(locs.map((l) => l.column));
    const columns = table.columns
      .filter((c, i, all) => named.has(c.key) && all.findIndex((d) => d.key === c.key) === i)
      .map((c) => ({ key: c.key, label: c.label }));
    result.push({
      table: key,
      title: table.title || template(table.key).name.zh,
      columns,
      rows: rows.map((r) => ({
        row: r.key,
        label: r.code ? `${r.code} ${r.label}` : r.label,
        loc: r.loc,
        cells: columns.map((c) => printed(r.cells[c.key])),
        marked: columns.map((c) => locs.some((l) => l.row === r.key && l.column === c.key)),
      })),
    });
  }
  return result;
}
