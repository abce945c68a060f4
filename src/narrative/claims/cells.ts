import type { DisclosureDocument } from '../../model/document.js';
import type { Binding } from '../bind.js';
import type { Num } from '../numbers.js';
import type { Side } from './claim.js';

/** The table side of a claim: the cell a binding names, and whether its table is in the document. */
export function cellOf(doc: DisclosureDocument, binding: Binding): Side & { source: 'table' } {
  const row = doc.tables[binding.table]?.rows.find((r) => r.key === binding.row);
  return { source: 'table', binding, cell: row?.cells[binding.column], present: doc.tables[binding.table] !== undefined };
}

/**
 * Whether a printed figure can be held against the cell its words name. Only a printed cell can:
 * a number (or one the reader saw but could not read or place, reported as not compared); a blank
 * cell or a row the table does not print only by a zero figure (both say nothing was spent); any
 * cell of a table published empty (the document says it had none of it). A row the table does not print, a blank cell against a
 * figure, a table the document lacks: the words may name what the table shows under another row
 * (退休人员活动费 under 其他行政事业单位养老支出), so the figure is left unbound, never an error.
 */
export function comparable(doc: DisclosureDocument, target: Side & { source: 'table' }, num: Num): boolean {
  const table = doc.tables[target.binding.table];
  if (!table) return false;
  if (table.empty) return true;
  const cell = target.cell;
  if (!cell) return num.value.isZero() && !table.rows.some((r) => r.key === target.binding.row);
  return cell.kind !== 'blank' || num.value.isZero();
}
