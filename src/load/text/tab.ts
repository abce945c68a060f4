import type { GridRow } from '../grid.js';
import type { TableBlock } from '../segment.js';
import { cellsTable } from './cells.js';
import { sourceLineOf, type SourceLine } from './lines.js';
import { unalignedTable } from './plain.js';
import { dropRepeatedHeader, joinWrappedRows, strayNumbers } from './repair.js';
import { blockShape } from './shape.js';
import type { TextStrategy } from './strategy.js';
import type { Known } from './summary.js';

/**
 * A text whose lines are rows of tab-separated cells. Each table is checked: when its tabs keep
 * the columns it is read as it is (wrapped names joined); otherwise (empty cells gone, one cell a
 * line) it is rebuilt from what can be read with certainty.
 */
export function tabStrategy(file: string, lines: readonly SourceLine[]): TextStrategy {
  const rows: GridRow[] = lines.map((l) => ({ cells: l.text.split('\t').map((c) => c.trim()), loc: { file, line: l.line } }));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const rebuild = (block: TableBlock, range: GridRow[], known: Known): GridRow[] => {
    const body = dropRepeatedHeader(range.filter((r) => r.cells.some((c) => c !== '')));
    const shape = blockShape(body);
    if (shape === 'tab') return strayNumbers(joinWrappedRows(body, block.template), block.template);
    const kept = new Set(body.map((r) => r.loc.line));
    const source = range.map((r) => sourceLineOf(r, byLine)).filter((l) => kept.has(l.line) || l.text.trim() === '');
    return shape === 'cells' ? cellsTable(file, block.template, source, known) : unalignedTable(file, block.template, source, 'plain', known);
  };
  return { rows, rebuild };
}
