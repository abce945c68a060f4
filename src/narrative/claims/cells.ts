import type { DisclosureDocument } from '../../model/document.js';
import type { Binding } from '../bind.js';
import type { Side } from './claim.js';

/** The table side of a claim: the cell a binding names, and whether its table is in the document. */
export function cellOf(doc: DisclosureDocument, binding: Binding): Side & { source: 'table' } {
  const row = doc.tables[binding.table]?.rows.find((r) => r.key === binding.row);
  return { source: 'table', binding, cell: row?.cells[binding.column], present: doc.tables[binding.table] !== undefined };
}
