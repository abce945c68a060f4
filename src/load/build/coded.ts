import type { Cell, Column, Row } from '../../model/document.js';
import { nonEmpty, rowLoc, type GridRow } from '../grid.js';
import { CLASS_PART, CODE, CODE_AND_NAME, CODE_COLUMN_HEADING, CODE_PART, TOTAL, looksLikeAmount, squeeze } from '../lexicon.js';
import { codeLevel, hasValueIn, joinCode, mapColumns, matchedLabel, normaliseLabel, readGrid, readMappedCells, unrecognisedRow, type BuildContext, type TableBuilder } from './common.js';

const isCodePartOrBlank = (cell: string | undefined): boolean => {
  const text = (cell ?? '').trim();
  return text === '' || CODE_PART.test(text);
};

/** Code and name columns: the 科目名称 column and the code column(s) before it. */
function findKeyColumns(labels: readonly string[], data: readonly GridRow[]): { code: number[]; name: number } {
  const name = labels.findIndex((l) => /科目名称|项目名称/.test(l));
  if (name > 0) return { code: Array.from({ length: name }, (_, i) => i), name };
  // No 科目名称 header: a code split over 类 | 款 | 项 columns fills the leading columns with a
  // 3-digit 类 and 2-digit parts (or nothing) on every row that has a code.
  const coded = data.filter((r) => CLASS_PART.test((r.cells[0] ?? '').trim()));
  if (coded.length > 0) {
    let parts = 1;
    while (parts < 3 && coded.every((r) => isCodePartOrBlank(r.cells[parts])) && coded.some((r) => (r.cells[parts] ?? '').trim() !== '')) parts++;
    if (parts > 1) return { code: Array.from({ length: parts }, (_, i) => i), name: parts };
  }
  // No 科目名称 header: codes in the first column, names in the second (the usual print layout).
  const secondIsText = data.some((r) => {
    const cell = (r.cells[1] ?? '').trim();
    return cell !== '' && !looksLikeAmount(cell);
  });
  return secondIsText ? { code: [0], name: 1 } : { code: [], name: 0 };
}

function isDataRow(row: GridRow): boolean {
  const cells = nonEmpty(row);
  const first = squeeze(cells[0] ?? '');
  if (CODE.test(first) || cells.some(looksLikeAmount)) return true;
  // 合计 opens the data unless more header words follow it (合计 | 基本支出 | 项目支出 is a header line).
  return TOTAL.test(first) && !cells.slice(1).some((c) => /[\u4e00-\u9fff]/.test(c));
}

/**
 * Tables keyed by 支出功能分类 code: 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表,
 * 政府性基金 and 国有资本经营 tables. Codes may be whole (2080102) or split (208 | 01 | 02).
 */
export const buildCoded: TableBuilder = (template, body, ctx) => {
  const { data, labels, width } = readGrid(body, isDataRow);
  const keys = findKeyColumns(labels.map((l) => l.text), data);
  const mapped = mapColumns(labels, keys.name + 1, width, [...template.columns, ...(template.detailColumns ?? [])]);
  const columns: Column[] = [...mapped].map(([col, spec]) => ({ key: spec.key, label: matchedLabel(labels[col], spec) ?? spec.name.zh }));

  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const gridRow of data) {
    const codeCells = keys.code.map((i) => (gridRow.cells[i] ?? '').trim());
    let name = (gridRow.cells[keys.name] ?? '').trim();
    let code = joinCode(codeCells);
    // A code printed together with its name in one cell: “2080102 一般行政管理事务”.
    if (!code && codeCells.length === 1) {
      const m = CODE_AND_NAME.exec(codeCells[0] ?? '');
      if (m?.[1] && m[2]) {
        code = m[1];
        name = name || m[2];
      }
    }
    const labelText = normaliseLabel([...codeCells.filter((c) => !CODE_COLUMN_HEADING.test(squeeze(c))), name].join(''));
    let key: string;
    let level: Row['level'];
    if (code) {
      key = code;
      level = codeLevel(code);
    } else if (TOTAL.test(labelText)) {
      key = 'total';
      level = 'total';
    } else {
      if (labelText !== '' || hasValueIn(gridRow, mapped.keys())) ctx.issues.push(unrecognisedRow(gridRow, template.key));
      continue;
    }
    const cells = readMappedCells(gridRow, template.key, key, mapped, ctx.unit);
    if (seen.has(key)) {
      // A 合计 row printed both at the top and at the bottom of the table is read once; the copy is
      // compared with it, and only a copy that differs is reported.
      const first = rows.find((r) => r.key === key);
      if (key === 'total' && first) {
        const differs = firstDifference(first.cells, cells);
        if (differs) ctx.issues.push({ code: 'total-copy-differs', loc: rowLoc(gridRow, template.key, key), params: { row: labelText, ...differs, column: columns.find((c) => c.key === differs.column)?.label ?? differs.column, firstLine: String(first.loc.line) } });
        continue;
      }
      ctx.issues.push({ code: 'duplicate-row', loc: rowLoc(gridRow, template.key, key), params: { row: key } });
      continue;
    }
    seen.add(key);
    const row: Row = { key, label: code ? name : labelText, level, loc: rowLoc(gridRow, template.key, key), cells };
    if (code) row.code = code;
    rows.push(row);
  }
  reportStrayValues(data, keys.name, mapped, template.key, ctx);
  return { columns, rows };
};

const printedText = (cell: Cell | undefined): string => (cell?.kind === 'amount' ? cell.amount.text : cell?.kind === 'invalid' ? cell.text : '');

/** The first column where two copies of a row print different values, or undefined when they agree. */
function firstDifference(a: Readonly<Record<string, Cell>>, b: Readonly<Record<string, Cell>>): { column: string; first: string; second: string } | undefined {
  for (const column of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[column];
    const y = b[column];
    if (x?.kind === 'unknown' || y?.kind === 'unknown') continue;
    const same = x?.kind === 'amount' && y?.kind === 'amount' ? x.amount.value.eq(y.amount.value) : printedText(x) === printedText(y);
    if (!same) return { column, first: printedText(x), second: printedText(y) };
  }
  return undefined;
}

/** Numbers in columns that no header names: reported, never silently dropped. */
export function reportStrayValues(
  data: readonly GridRow[],
  lastKeyColumn: number,
  mapped: ReadonlyMap<number, unknown>,
  table: string,
  ctx: BuildContext,
): void {
  for (const row of data) {
    row.cells.forEach((text, col) => {
      if (col <= lastKeyColumn || mapped.has(col)) return;
      if (looksLikeAmount(text.trim())) {
        ctx.issues.push({
          code: 'column-unrecognised',
          loc: rowLoc(row, table),
          params: { text: text.trim(), column: String(col + 1) },
        });
      }
    });
  }
}
