import type { Cell, Column, Row, Side } from '../../model/document.js';
import { isDetailRow, summaryRowKey } from '../../templates/rows.js';
import { normaliseHeader, type ColumnSpec, type TableTemplate } from '../../templates/tables.js';
import { cellLoc, nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { columnLabels, isUnknown, looksLikeAmount, mapColumns, normaliseLabel, readGridCell, splitHeader, type BuildContext } from './common.js';

/** Where the 支出 half of the table starts: the second 项目 column, or the 支出 group heading. */
function findSplit(header: readonly GridRow[]): number | undefined {
  for (const row of header) {
    const items = row.cells.flatMap((c, i) => (normaliseHeader(c) === '项目' ? [i] : []));
    if (items.length >= 2) return items[1];
  }
  for (const row of header) {
    const at = row.cells.findIndex((c, i) => i > 0 && /^支出$/.test(normaliseHeader(c)));
    if (at > 0) return at;
  }
  return undefined;
}

function isDataRow(row: GridRow): boolean {
  const first = normaliseLabel(nonEmpty(row)[0] ?? '');
  return nonEmpty(row).some(looksLikeAmount) || (first.length > 2 && /收入$|支出$|合计$/.test(first));
}

/**
 * 收入支出决算总表 and 财政拨款收入支出决算总表: income items on the left, expense items on the
 * right, each side with its own label, optional 行次 and amount columns.
 */
export function buildTwoSided(
  template: TableTemplate,
  body: readonly GridRow[],
  ctx: BuildContext,
): { columns: Column[]; rows: Row[] } {
  const { header, data } = splitHeader(body, isDataRow);
  const labels = columnLabels(header);
  const width = Math.max(labels.length, ...data.map((r) => r.cells.length));
  const split = findSplit(header);
  if (split === undefined) {
    ctx.issues.push({
      code: 'table-unparsed',
      loc: { ...(header[0] ?? body[0])?.loc ?? { file: '', line: 0 }, table: template.key },
      params: { reason: '收入/支出两栏表头' },
    });
    return { columns: [], rows: [] };
  }
  const sides: Array<{ side: Side; from: number; to: number; specs: readonly ColumnSpec[] }> = [
    { side: 'income', from: 0, to: split, specs: template.incomeColumns ?? [] },
    { side: 'expense', from: split, to: width, specs: template.columns },
  ];
  const columns: Column[] = [];
  const maps = sides.map((s) => {
    const map = mapColumns(labels, s.from + 1, s.to, s.specs);
    for (const [col, spec] of map) columns.push({ key: spec.key, label: labels[col] || spec.name.zh, side: s.side });
    return { ...s, map };
  });

  const rows: Row[] = [];
  const previous: Partial<Record<Side, string>> = {};
  const seen = new Set<string>();
  for (const gridRow of data) {
    for (const s of maps) {
      const printed = (gridRow.cells[s.from] ?? '').trim();
      const label = normaliseLabel(printed);
      const hasValue = [...s.map.keys()].some((col) => (gridRow.cells[col] ?? '').trim() !== '' || isUnknown(gridRow, col));
      if (label === '' || label === '栏次') {
        if (hasValue) {
          ctx.issues.push({
            code: 'row-unrecognised',
            loc: rowLoc(gridRow, template.key),
            params: { text: nonEmpty(gridRow).join(' ') },
          });
        }
        continue;
      }
      const itemKey = summaryRowKey(template.key, s.side, label, previous[s.side]);
      if (!itemKey) {
        ctx.issues.push({ code: 'row-unrecognised', loc: rowLoc(gridRow, template.key), params: { text: printed } });
        continue;
      }
      previous[s.side] = itemKey;
      const key = `${s.side}:${itemKey}`;
      if (seen.has(key)) {
        ctx.issues.push({ code: 'duplicate-row', loc: rowLoc(gridRow, template.key, key), params: { row: printed } });
        continue;
      }
      seen.add(key);
      const cells: Record<string, Cell> = {};
      for (const [col, spec] of s.map) {
        const loc = cellLoc(gridRow, template.key, key, spec.key, col + 1);
        cells[spec.key] = readGridCell(gridRow, col, loc, ctx.unit);
      }
      rows.push({
        key,
        label: printed,
        level: isDetailRow(itemKey) ? 'line' : /total|grand/.test(itemKey) ? 'total' : itemKey.startsWith('class-') ? 'class' : 'line',
        side: s.side,
        loc: rowLoc(gridRow, template.key, key),
        cells,
      });
    }
  }
  return { columns, rows };
}
