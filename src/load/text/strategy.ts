import type { GridRow } from '../grid.js';
import { segment, type TableBlock } from '../segment.js';
import { BUILTIN_TEMPLATES, type TemplateSet } from '../../templates/tables.js';
import { incomeTotalsOf, type KnownTotals } from './summary.js';

/**
 * How one shape of text is read: its lines as grid rows, and how the rows of one table (found by
 * its title) are rebuilt into rows whose cells are its columns.
 */
export interface TextStrategy {
  rows: GridRow[];
  /** `known`: what tables rebuilt before this one say about its rows, by table key (summary.ts). */
  rebuild(block: TableBlock, range: GridRow[], known: KnownTotals): GridRow[];
}

/** Finds the table blocks of the rows and rebuilds each block's body; the rest stays as it is. */
export function rebuildBlocks({ rows, rebuild }: TextStrategy, templates: TemplateSet = BUILTIN_TEMPLATES): GridRow[] {
  const seg = segment(rows, templates);
  const index = new Map(rows.map((r, i) => [r, i]));
  const replaced = new Map<number, GridRow[]>();
  const skipped = new Set<number>();
  const known = new Map<string, ReadonlyMap<string, string>>();
  for (const block of seg.blocks) {
    const first = block.body[0];
    const last = block.body[block.body.length - 1];
    if (!first || !last) continue;
    const from = index.get(first) ?? 0;
    const to = index.get(last) ?? from;
    const rebuilt = rebuild(block, rows.slice(from, to + 1), known);
    replaced.set(from, rebuilt);
    const income = incomeTotalsOf(block.template, rebuilt);
    if (income) known.set('income', income);
    for (let i = from + 1; i <= to; i++) skipped.add(i);
  }
  const out: GridRow[] = [];
  rows.forEach((row, i) => {
    const rebuilt = replaced.get(i);
    if (rebuilt) for (const r of rebuilt) out.push(r);
    else if (!skipped.has(i)) out.push(row);
  });
  return out;
}
