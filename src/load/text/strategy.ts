import type { GridRow } from '../grid.js';
import { segment, type TableBlock } from '../segment.js';
import { BUILTIN_TEMPLATES, type TemplateSet } from '../../templates/tables.js';
import { floorsOf, incomeTotalsOf, type Known } from './summary.js';

/**
 * How one shape of text is read: its lines as grid rows, and how the rows of one table (found by
 * its title) are rebuilt into rows whose cells are its columns.
 */
export interface TextStrategy {
  rows: GridRow[];
  /** `known`: what tables rebuilt before this one say about its rows, by table key (summary.ts). */
  rebuild(block: TableBlock, range: GridRow[], known: Known): GridRow[];
}

/** Finds the table blocks of the rows and rebuilds each block's body; the rest stays as it is. */
export function rebuildBlocks({ rows, rebuild }: TextStrategy, templates: TemplateSet = BUILTIN_TEMPLATES): GridRow[] {
  const seg = segment(rows, templates);
  const index = new Map(rows.map((r, i) => [r, i]));
  const replaced = new Map<number, GridRow[]>();
  const skipped = new Set<number>();
  const totals = new Map<string, ReadonlyMap<string, string>>();
  const floors = new Map<string, ReadonlyMap<string, ReadonlyMap<string, string>>>();
  const known: Known = { totals, floors };
  const spans: Array<{ block: TableBlock; from: number; to: number }> = [];
  for (const block of seg.blocks) {
    const first = block.body[0];
    const last = block.body[block.body.length - 1];
    if (!first || !last) continue;
    const from = index.get(first) ?? 0;
    const to = index.get(last) ?? from;
    const rebuilt = rebuild(block, rows.slice(from, to + 1), known);
    replaced.set(from, rebuilt);
    spans.push({ block, from, to });
    const income = incomeTotalsOf(block.template, rebuilt);
    if (income) totals.set('income', income);
    const floor = floorsOf(block.template, rebuilt);
    if (floor && !floors.has(floor.table)) floors.set(floor.table, floor.rows);
    for (let i = from + 1; i <= to; i++) skipped.add(i);
  }
  // A table printed before the one that bounds its rows (the 支出决算表 before the 一般公共预算
  // table) is read again with what the later tables say, when its first reading left values unplaced.
  for (const { block, from, to } of spans) {
    if (!floors.has(block.template.key) || !(replaced.get(from) ?? []).some((r) => r.uncertain)) continue;
    replaced.set(from, rebuild(block, rows.slice(from, to + 1), known));
  }
  const out: GridRow[] = [];
  rows.forEach((row, i) => {
    const rebuilt = replaced.get(i);
    if (rebuilt) for (const r of rebuilt) out.push(r);
    else if (!skipped.has(i)) out.push(row);
  });
  return out;
}
