import type { Column, Row, Side } from '../../model/document.js';
import { misprintedFunctionClass } from '../../model/function-classes.js';
import { isDetailRow, summaryRowKey } from '../../templates/rows.js';
import { normaliseHeader, type ColumnSpec } from '../../templates/tables.js';
import { nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { looksLikeAmount } from '../lexicon.js';
import { hasValueIn, mapColumns, matchedLabel, normaliseLabel, readGrid, readMappedCells, unrecognisedRow, type TableBuilder } from './common.js';

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
export const buildTwoSided: TableBuilder = (template, body, ctx) => {
  const { header, data, labels, width } = readGrid(body, isDataRow);
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
    for (const [col, spec] of map) columns.push({ key: spec.key, label: matchedLabel(labels[col], spec) ?? spec.name.zh, side: s.side });
    return { ...s, map };
  });

  const rows: Row[] = [];
  const previous: Partial<Record<Side, string>> = {};
  const seen = new Set<string>();
  for (const gridRow of data) {
    for (const s of maps) {
      const printed = (gridRow.cells[s.from] ?? '').trim();
      const label = normaliseLabel(printed);
      if (label === '' || label === '栏次') {
        if (hasValueIn(gridRow, s.map.keys())) ctx.issues.push(unrecognisedRow(gridRow, template.key));
        continue;
      }
      let itemKey = summaryRowKey(template, s.side, label, previous[s.side]);
      const misprint = !itemKey && s.side === 'expense' ? misprintedFunctionClass(label) : undefined;
      if (misprint) {
        // A class name with one character misprinted is still that class; the name is reported once.
        itemKey = `class-${misprint.code}`;
        ctx.issues.push({ code: 'row-name-differs', loc: rowLoc(gridRow, template.key, `${s.side}:${itemKey}`), params: { row: printed, standard: misprint.name } });
      }
      if (!itemKey) {
        ctx.issues.push(unrecognisedRow(gridRow, template.key, printed));
        continue;
      }
      previous[s.side] = itemKey;
      const key = `${s.side}:${itemKey}`;
      if (seen.has(key)) {
        ctx.issues.push({ code: 'duplicate-row', loc: rowLoc(gridRow, template.key, key), params: { row: printed } });
        continue;
      }
      seen.add(key);
      const cells = readMappedCells(gridRow, template.key, key, s.map, ctx.unit);
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
};
