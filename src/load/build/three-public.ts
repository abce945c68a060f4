import type { Cell, Column, Row } from '../../model/document.js';
import { normaliseHeader } from '../../templates/tables.js';
import {
  THREE_PUBLIC_HEADINGS,
  THREE_PUBLIC_ITEMS,
  THREE_PUBLIC_KIND_HEADINGS,
  threePublicColumnName,
  type ThreePublicItem,
} from '../../templates/three-public.js';
import { cellLoc, nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { COLUMN_NUMBER, looksLikeAmount } from '../lexicon.js';
import { isUnknown, readGridCell, splitHeader, type TableBuilder } from './common.js';

/** Column order: by budget/actual first (Hunan 公开09表) or by item first (Shanghai 七). */
function canonicalOrder(header: readonly GridRow[]): string[] {
  const cells = header.flatMap((r) => r.cells.map((c, i) => ({ i, text: normaliseHeader(c) })));
  const budgets = cells.filter((c) => THREE_PUBLIC_KIND_HEADINGS.budget.test(c.text));
  const actuals = cells.filter((c) => THREE_PUBLIC_KIND_HEADINGS.actual.test(c.text));
  const firstAt = new Map<ThreePublicItem, number>();
  for (const [item, re] of THREE_PUBLIC_HEADINGS) {
    const hit = cells.find((c) => re.test(c.text));
    if (hit) firstAt.set(item, hit.i);
  }
  const positions = [...firstAt.values()];
  const distinct = new Set(positions).size === THREE_PUBLIC_ITEMS.length;
  const items = distinct
    ? [...THREE_PUBLIC_ITEMS].sort((a, b) => (firstAt.get(a) ?? 0) - (firstAt.get(b) ?? 0))
    : [...THREE_PUBLIC_ITEMS];
  if (budgets.length >= 2 && actuals.length >= 2) {
    const budgetFirst = (budgets[0]?.i ?? 0) <= (actuals[0]?.i ?? 0);
    const pair = budgetFirst ? ['budget', 'actual'] : ['actual', 'budget'];
    return items.flatMap((item) => pair.map((kind) => `${kind}-${item}`));
  }
  const budgetFirst = (budgets[0]?.i ?? 0) <= (actuals[0]?.i ?? Number.MAX_SAFE_INTEGER);
  const groups = budgetFirst ? ['budget', 'actual'] : ['actual', 'budget'];
  return groups.flatMap((kind) => items.map((item) => `${kind}-${item}`));
}

const isNumberLabelRow = (row: GridRow): boolean => {
  const cells = nonEmpty(row);
  return cells.length > 0 && cells.every((c) => COLUMN_NUMBER.test(c));
};

/**
 * 财政拨款“三公”经费支出决算表: one line of twelve amounts (预算数 and 决算数 of 合计, 出国,
 * 公务用车 小计/购置/运行维护, 接待). Columns are placed by their 栏次 numbers when printed; a
 * lone 栏次 number above a value (as extracted text sometimes shows) places that value.
 */
export const buildThreePublic: TableBuilder = (template, body, ctx) => {
  const { header, columnNumbers, data } = splitHeader(body, (row) => nonEmpty(row).some(looksLikeAmount));
  const order = canonicalOrder(header);
  const table = template.key;
  const positions = new Map<number, string>();
  if (columnNumbers) {
    columnNumbers.cells.forEach((c, i) => {
      const n = Number(c.trim());
      const key = COLUMN_NUMBER.test(c.trim()) ? order[n - 1] : undefined;
      if (key) positions.set(i, key);
    });
  }
  const firstData = data.find((r) => nonEmpty(r).some(looksLikeAmount) || r.uncertain !== undefined);
  if (positions.size === 0 && firstData) {
    const offset = /^\d|^$/.test((firstData.cells[0] ?? '').trim()) ? 0 : 1;
    order.forEach((key, k) => positions.set(k + offset, key));
  }

  if (firstData?.placed) {
    const { order: taken, holding, sums } = firstData.placed;
    ctx.issues.push({ code: 'columns-chosen', loc: rowLoc(firstData, table), params: { order: taken, holding: String(holding), sums: String(sums) } });
  }
  const cells: Record<string, Cell> = {};
  let firstLoc = firstData?.loc;
  for (const gridRow of data) {
    if (isNumberLabelRow(gridRow)) {
      gridRow.cells.forEach((c, i) => {
        const key = COLUMN_NUMBER.test(c.trim()) ? order[Number(c.trim()) - 1] : undefined;
        if (key) positions.set(i, key);
      });
      continue;
    }
    const main = gridRow === firstData;
    gridRow.cells.forEach((text, i) => {
      // On the main line every placed column gets a cell, empty ones blank (Shanghai prints zero as
      // blank); on later lines only printed values count.
      if (text.trim() === '' && !(main && positions.has(i)) && !isUnknown(gridRow, i)) return;
      const key = positions.get(i);
      if (!key) {
        if (looksLikeAmount(text.trim()) || i > 0) {
          ctx.issues.push({ code: 'column-unrecognised', loc: rowLoc(gridRow, table), params: { text: text.trim(), column: String(i + 1) } });
        }
        return;
      }
      if (cells[key]) {
        ctx.issues.push({ code: 'duplicate-row', loc: { ...gridRow.loc, table, column: key }, params: { row: key } });
        return;
      }
      firstLoc ??= gridRow.loc;
      cells[key] = readGridCell(gridRow, i, cellLoc(gridRow, table, 'three-public', key, i + 1), ctx.unit);
    });
  }
  const found = Object.keys(cells);
  const anyValue = Object.values(cells).some((c) => c.kind !== 'blank' && c.kind !== 'unknown');
  if (anyValue && found.length < order.length) {
    const missing = order.filter((k) => !cells[k]);
    ctx.issues.push({
      code: 'cells-missing',
      loc: { ...(firstLoc ?? body[0]?.loc ?? { file: '', line: 0 }), table },
      params: { columns: missing.join(',') },
    });
  }
  const columns: Column[] = order.map((key) => ({ key, label: threePublicColumnName(key).zh }));
  const rows: Row[] =
    found.length > 0 && firstLoc
      ? [{ key: 'three-public', label: '“三公”经费', level: 'line', loc: { ...firstLoc, table, row: 'three-public' }, cells }]
      : [];
  return { columns, rows };
};
