import type { Cell, Column, Row } from '../../model/document.js';
import { normaliseHeader } from '../../templates/tables.js';
import { cellLoc, nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { CLASS_PART, PANEL_TOTALS, looksLikeAmount } from '../lexicon.js';
import { columnLabels, isUnknown, joinCode, readGridCell, splitHeader, type TableBuilder } from './common.js';
import { widest } from '../arrays.js';

interface Panel {
  from: number;
  to: number;
  code: number[];
  name: number;
  amount: number;
  group?: 'personnel' | 'public';
}

const PANEL_START = /科目代码|科目编码|经济分类|^代码$|^编码$/;

function totalKey(text: string): string | undefined {
  const label = normaliseHeader(text);
  return PANEL_TOTALS.find(([re]) => re.test(label))?.[1];
}

/** The header row that names the most panels, and the panels it names. */
function findPanels(header: readonly GridRow[], width: number): Panel[] {
  let best: number[] = [];
  for (const row of header) {
    const starts = row.cells.flatMap((c, i) => (PANEL_START.test(normaliseHeader(c)) ? [i] : []));
    if (starts.length > best.length) best = starts;
  }
  const labels = columnLabels(header);
  // A heading wrapped over two lines (科目代 / 码) names its panel only once joined.
  const joined = labels.flatMap((l, i) => (PANEL_START.test(l) && !/科目名称/.test(l) ? [i] : []));
  if (joined.length > best.length) best = joined;
  if (best.length === 0) best = [0];
  return best.map((from, i) => {
    const to = best[i + 1] ?? width;
    let amount = -1;
    let name = -1;
    for (let col = from; col < to; col++) {
      const label = labels[col] ?? '';
      if (amount < 0 && /决算数|金额|合计/.test(label)) amount = col;
      else if (name < 0 && /名称/.test(label)) name = col;
    }
    if (amount < 0) amount = to - 1;
    if (name < 0) name = amount - 1;
    const code = Array.from({ length: Math.max(0, name - from) }, (_, k) => from + k);
    return { from, to, code, name, amount };
  });
}

/** The usual economic classes of 人员经费 and 公用经费, for a panel that its headings do not place. */
const USUAL_GROUP: Record<string, 'personnel' | 'public'> = { '301': 'personnel', '303': 'personnel', '302': 'public', '307': 'public', '309': 'public', '310': 'public', '399': 'public' };

/** 人员经费 / 公用经费 group headings above the panels, when the document prints them. */
function assignGroups(header: readonly GridRow[], panels: Panel[], data: readonly GridRow[]): void {
  for (const row of header) {
    const marks: Array<{ i: number; g: 'personnel' | 'public' }> = [];
    row.cells.forEach((c, i) => {
      const label = normaliseHeader(c);
      if (/^人员经费/.test(label)) marks.push({ i, g: 'personnel' });
      else if (/^公用经费/.test(label)) marks.push({ i, g: 'public' });
    });
    if (marks.length === 0) continue;
    for (const panel of panels) {
      // Printed headings drift by a cell in extracted text: one inside the panel wins, else the last before it.
      const inside = marks.find((m) => m.i >= panel.from && m.i < panel.to);
      const before = [...marks].reverse().find((m) => m.i <= panel.from);
      const after = marks.find((m) => m.i >= panel.to);
      let mark = inside?.g ?? before?.g;
      // A heading centred over several panels may sit in the next one: between two different
      // headings, a panel whose classes are all of one usual group belongs to that group.
      if (!inside && before && after && before.g !== after.g) {
        const usual = new Set(panelClasses(panel, data).map((code) => USUAL_GROUP[code]));
        const only = usual.size === 1 ? [...usual][0] : undefined;
        if (only) mark = only;
      }
      if (mark) panel.group = mark;
    }
    return;
  }
}

/** The 3-digit classes printed in one panel. */
function panelClasses(panel: Panel, data: readonly GridRow[]): string[] {
  const found = new Set<string>();
  for (const gridRow of data) {
    const code = joinCode(panel.code.map((i) => (gridRow.cells[i] ?? '').trim()));
    if (code?.length === 3) found.add(code);
  }
  return [...found].sort();
}

function isDataRow(row: GridRow): boolean {
  return nonEmpty(row).some(looksLikeAmount) || CLASS_PART.test((row.cells[0] ?? '').trim());
}

/**
 * 一般公共预算财政拨款基本支出决算(明细)表: economic classification codes (301, 30101…) in two or
 * three panels side by side, and the 人员经费 / 公用经费 totals on the last line.
 */
export const buildPanels: TableBuilder = (template, body, ctx) => {
  const { header, data } = splitHeader(body, isDataRow);
  const width = widest(body);
  const panels = findPanels(header, width);
  assignGroups(header, panels, data);
  const rows: Row[] = [];
  const seen = new Set<string>();
  const table = template.key;

  const push = (key: string, label: string, code: string | undefined, gridRow: GridRow, col: number | undefined): void => {
    if (seen.has(key)) {
      ctx.issues.push({ code: 'duplicate-row', loc: rowLoc(gridRow, table, key), params: { row: label } });
      return;
    }
    seen.add(key);
    const loc = col !== undefined ? cellLoc(gridRow, table, key, 'amount', col + 1) : { ...rowLoc(gridRow, table, key), column: 'amount' };
    const cells: Record<string, Cell> = { amount: readGridCell(gridRow, col, loc, ctx.unit) };
    const row: Row = { key, label, level: code ? (code.length === 3 ? 'class' : 'item') : 'total', loc: rowLoc(gridRow, table, key), cells };
    if (code) row.code = code;
    rows.push(row);
  };

  for (const gridRow of data) {
    const totals = gridRow.cells.flatMap((c, i) => {
      const key = totalKey(c);
      return key ? [{ i, key, label: c.trim() }] : [];
    });
    if (totals.length > 0) {
      // A total's value is the first number to its right, before the next total label.
      totals.forEach((t, n) => {
        const end = totals[n + 1]?.i ?? gridRow.cells.length;
        let value: number | undefined;
        for (let col = t.i + 1; col < end; col++) {
          if ((gridRow.cells[col] ?? '').trim() !== '' || isUnknown(gridRow, col)) {
            value = col;
            break;
          }
        }
        push(t.key, t.label, undefined, gridRow, value);
      });
      continue;
    }
    for (const panel of panels) {
      const codeParts = panel.code.map((i) => (gridRow.cells[i] ?? '').trim());
      const code = joinCode(codeParts);
      const name = (gridRow.cells[panel.name] ?? '').trim();
      const text = gridRow.cells[panel.amount];
      if (!code) {
        if (codeParts.some((p) => p !== '') || name !== '' || (text ?? '').trim() !== '' || isUnknown(gridRow, panel.amount)) {
          ctx.issues.push({
            code: 'row-unrecognised',
            loc: rowLoc(gridRow, table),
            params: { text: [...codeParts, name, (text ?? '').trim()].filter((s) => s !== '').join(' ') },
          });
        }
        continue;
      }
      push(code, name, code, gridRow, panel.amount);
    }
  }

  const classesOf = (group: 'personnel' | 'public'): string[] =>
    [...new Set(panels.filter((p) => p.group === group).flatMap((p) => panelClasses(p, data)))].sort();
  const grouped = panels.some((p) => p.group !== undefined);
  const columns: Column[] = [{ key: 'amount', label: '决算数' }];
  return grouped ? { columns, rows, groups: { personnel: classesOf('personnel'), public: classesOf('public') } } : { columns, rows };
};
