import type { GridRow } from '../grid.js';
import { BUILTIN_TEMPLATES, type TemplateSet } from '../../templates/tables.js';
import { layoutStrategy } from './layout.js';
import { dropPageFurniture, sourceLines } from './lines.js';
import { isSpaceAligned } from './shape.js';
import { rebuildBlocks } from './strategy.js';
import { tabStrategy } from './tab.js';

export { blockShape, documentShape, type TextShape } from './shape.js';

/**
 * A whole disclosure as text → grid rows. The shape is read from the text itself, never from the
 * file name: a text without tabs whose lines set words apart with runs of spaces is space-aligned
 * and read by character positions (layout.ts); otherwise each line is a row of tab-separated
 * cells (tab.ts), and a table whose tabs do not keep its columns is read as a plain extraction
 * (plain.ts) or one cell a line (cells.ts). Page numbers and running headers are dropped first
 * (lines.ts); rows of every table are repaired (repair.ts). The lines are split, cleaned and
 * classified once.
 */
export function textRows(file: string, text: string, templates: TemplateSet = BUILTIN_TEMPLATES): GridRow[] {
  const lines = dropPageFurniture(sourceLines(text), templates);
  return rebuildBlocks(isSpaceAligned(lines) ? layoutStrategy(file, lines) : tabStrategy(file, lines), templates);
}
