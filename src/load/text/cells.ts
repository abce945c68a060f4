import type { TableTemplate } from '../../templates/tables.js';
import { normaliseLabel } from '../build/common.js';
import type { GridRow } from '../grid.js';
import { TOTAL } from '../lexicon.js';
import type { SourceLine } from './lines.js';
import type { Known } from './summary.js';
import { headerWords, namedColumns, plainLines, unalignedTable, type PlainLine } from './plain.js';

/**
 * A table printed one cell a line (text copied from a web page or a spreadsheet viewer). A coded
 * table that kept its empty cells as empty lines is read whole; anything else as a plain table,
 * each value following its row in the order printed.
 */
export function cellsTable(file: string, template: TableTemplate, lines: readonly SourceLine[], known?: Known): GridRow[] {
  const whole = template.layout === 'coded' ? cellsWithBlanks(file, template, plainLines(lines)) : undefined;
  return whole ?? unalignedTable(file, template, lines, 'cells', known);
}

/**
 * A coded table printed one cell a line with its empty cells kept as empty lines: when every row
 * holds exactly its code, its name (not for 合计) and one line for each named amount column, the
 * empty lines are cells and every value has its place. (The last row may end early: its empty
 * cells run into the note under the table.) Otherwise undefined: empty lines are only spacing.
 */
function cellsWithBlanks(file: string, template: TableTemplate, lines: readonly PlainLine[]): GridRow[] | undefined {
  const isKey = (l: PlainLine): 'code' | 'total' | undefined => {
    const [first, ...rest] = l.tokens;
    if (rest.length > 0 || !first) return undefined;
    if (first.kind === 'code') return 'code';
    return first.kind === 'text' && TOTAL.test(normaliseLabel(first.text)) ? 'total' : undefined;
  };
  const keys = lines.flatMap((l, i) => (isKey(l) ? [i] : []));
  const first = keys[0];
  if (first === undefined || !lines.slice(first).some((l) => l.tokens.length === 0)) return undefined;
  const named = namedColumns(template.columns, headerWords(lines.slice(0, first).filter((l) => l.tokens.length > 0)), 'cells');
  if (!named.all) return undefined;
  const columns = named.specs.length;
  const out: GridRow[] = [{ cells: ['科目编码', '科目名称', ...named.specs.map((s) => s.name.zh)], loc: { file, line: lines[0]?.source.line ?? 1 } }];
  for (let j = 0; j < keys.length; j++) {
    const at = keys[j] as number;
    const line = lines[at] as PlainLine;
    let run = lines.slice(at + 1, keys[j + 1] ?? lines.length);
    let name = '';
    if (isKey(line) === 'code' && run[0]?.tokens.length === 1 && run[0].tokens[0]?.kind === 'text') {
      name = run[0].tokens[0].text;
      run = run.slice(1);
    }
    const last = j === keys.length - 1;
    if (run.length > columns || (run.length < columns && !last)) return undefined;
    if (!run.every((l) => l.tokens.length === 0 || (l.tokens.length === 1 && l.tokens[0]?.kind === 'amount'))) return undefined;
    const values = Array.from({ length: columns }, (_, k) => run[k]?.tokens[0]?.text ?? '');
    const code = isKey(line) === 'code' ? (line.tokens[0]?.text ?? '') : '';
    out.push({ cells: [code, code ? name : '合计', ...values], loc: { file, line: line.source.line } });
  }
  return out;
}
