import { TABLE_KEYS, type Cell, type DisclosureDocument, type LoadIssue, type Row, type Table, type TableKey } from '../model/document.js';
import { THREE_PUBLIC_NAMES, type ThreePublicItem } from '../templates/three-public.js';
import { spreadsheetSafe } from '../model/spreadsheet-cell.js';
import { template } from '../templates/tables.js';

/** One file of the canonical folder: its name and its text (BOM and CRLF included). */
export interface ExportFile {
  name: string;
  text: string;
}

export interface CsvFolder {
  files: ExportFile[];
  /** What the reader could not place in a table and the folder therefore does not hold. */
  dropped: LoadIssue[];
}

/** Issues the sheets reproduce (the reader reports them again from the folder). */
const KEPT: ReadonlySet<LoadIssue['code']> = new Set(['cell-unreadable', 'cells-missing', 'unit-missing', 'unit-mixed', 'row-unrecognised', 'table-unparsed']);

type Sheet = string[][];

/** `01-收入支出决算总表.csv`: fixed numbers in the order of TABLE_KEYS, whatever the document's own numbering. */
export function tableFileName(key: TableKey): string {
  const n = String((TABLE_KEYS as readonly string[]).indexOf(key) + 1).padStart(2, '0');
  return `${n}-${template(key).name.zh.replace(/[“”"]/g, '')}.csv`;
}

export const NARRATIVE_FILE = 'narrative.txt';

function field(value: string): string {
  const text = spreadsheetSafe(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** As Excel's “CSV UTF-8” saves a sheet: BOM, CRLF, every row as wide as the widest; no cell a live formula. */
export function csvText(rows: Sheet): string {
  // A loop, not Math.max(...rows): a sheet of 200,000 rows would overflow the stack as arguments.
  let width = 1;
  for (const r of rows) width = Math.max(width, r.length);
  return `\uFEFF${rows.map((r) => Array.from({ length: width }, (_, i) => field(r[i] ?? '')).join(',')).join('\r\n')}\r\n`;
}

function printed(cell: Cell | undefined): string {
  if (!cell) return '';
  // A value the source did not place is written as ?: read back, it is unknown again, not empty.
  return cell.kind === 'amount' ? cell.amount.text : cell.kind === 'invalid' ? cell.text : cell.kind === 'unknown' ? '?' : '';
}

/** Rows of the source that were one line there, in order (two-sided tables print two items a line). */
function byLine(rows: readonly Row[]): Row[][] {
  const groups: Row[][] = [];
  let key: string | undefined;
  for (const row of rows) {
    const k = `${row.loc.file}\u0000${row.loc.page ?? 0}\u0000${row.loc.line}`;
    const last = groups.at(-1);
    if (last && k === key) last.push(row);
    else groups.push([row]);
    key = k;
  }
  return groups;
}

/** Title, then the department and unit line (a unit only where the table printed one). */
function head(table: Table, doc: DisclosureDocument, width: number): Sheet {
  const rows: Sheet = [[table.title || template(table.key).name.zh]];
  const department = doc.department ? `部门：${doc.department.name}` : '';
  const unit = table.unitLoc ? `金额单位：${table.unit}` : '';
  if (department !== '' || unit !== '') {
    const meta = Array.from({ length: Math.max(2, width) }, () => '');
    meta[0] = department;
    meta[meta.length - 1] = unit;
    rows.push(meta);
  }
  return rows;
}

/** Rows the reader could not recognise, put back as text in the label column so that it reports them again. */
function unrecognised(issues: readonly LoadIssue[], table: Table, labelColumn: number): Sheet {
  return issues
    .filter((i) => i.code === 'row-unrecognised' && i.loc.table === table.key && (i.params.text ?? '') !== '')
    .map((i) => {
      const row = Array.from({ length: labelColumn + 1 }, () => '');
      row[labelColumn] = i.params.text ?? '';
      return row;
    });
}

function notes(table: Table): Sheet {
  return table.notes.map((n) => [n.text]);
}

function coded(table: Table, doc: DisclosureDocument): Sheet {
  const columns = table.columns;
  const body: Sheet = [
    ['科目代码', '科目名称', ...columns.map((c) => c.label)],
    ['栏次', '', ...columns.map((_, i) => String(i + 1))],
    ...table.rows.map((row) => [row.code ?? '', row.label, ...columns.map((c) => printed(row.cells[c.key]))]),
    ...unrecognised(doc.issues, table, 1),
  ];
  return [...head(table, doc, 2 + columns.length), ...body, ...notes(table)];
}

function twoSided(table: Table, doc: DisclosureDocument): Sheet {
  const income = table.columns.filter((c) => c.side === 'income');
  const expense = table.columns.filter((c) => c.side === 'expense');
  const split = 1 + income.length;
  const width = split + 1 + expense.length;
  // Without its 收入 | 支出 header the table could not be read: the folder says so again.
  if (doc.issues.some((i) => i.code === 'table-unparsed' && i.loc.table === table.key)) return [...head(table, doc, 3), ['栏次'], ...notes(table)];
  const body: Sheet = [
    ['项目', ...income.map((c) => c.label), '项目', ...expense.map((c) => c.label)],
    ['栏次', ...income.map((_, i) => String(i + 1)), '栏次', ...expense.map((_, i) => String(income.length + i + 1))],
  ];
  for (const line of byLine(table.rows)) {
    const cells = Array.from({ length: width }, () => '');
    for (const row of line) {
      const [from, cols] = row.side === 'expense' ? [split, expense] : [0, income];
      cells[from] = row.label;
      cols.forEach((c, i) => {
        cells[from + 1 + i] = printed(row.cells[c.key]);
      });
    }
    body.push(cells);
  }
  for (const row of unrecognised(doc.issues, table, 0)) body.push(row);
  return [...head(table, doc, width), ...body, ...notes(table)];
}

const TOTAL_KEYS = new Set(['personnel-total', 'public-total', 'total']);

/**
 * 基本支出决算表: panels side by side as printed. A row's panel is the rank of its source column
 * among the table's amount columns; 人员经费 / 公用经费 headings go over the panels holding each group.
 */
function panels(table: Table, doc: DisclosureDocument): Sheet {
  const fieldOf = (row: Row): number => {
    const cell = row.cells.amount;
    return (cell?.kind === 'amount' ? cell.amount.loc : cell?.loc)?.field ?? 0;
  };
  const coded = table.rows.filter((r) => !TOTAL_KEYS.has(r.key));
  const fields = [...new Set(coded.map(fieldOf))].sort((a, b) => a - b);
  const lines = byLine(table.rows);
  // A source line holding two rows of one panel cannot be laid out side by side: one panel then.
  const sideBySide = lines.every((line) => {
    const ranks = line.filter((r) => !TOTAL_KEYS.has(r.key)).map((r) => fields.indexOf(fieldOf(r)));
    return new Set(ranks).size === ranks.length;
  });
  const count = sideBySide ? Math.max(1, fields.length) : 1;
  const panelOf = (row: Row): number => (sideBySide ? Math.max(0, fields.indexOf(fieldOf(row))) : 0);
  const totalsWidth = lines.reduce((n, l) => Math.max(n, l.filter((r) => TOTAL_KEYS.has(r.key)).length), 0);
  const width = 3 * Math.max(count, totalsWidth);

  const body: Sheet = [];
  if (table.groups) {
    const heading = Array.from({ length: width }, () => '');
    for (let p = 0; p < count; p++) {
      const classes = coded.filter((r) => panelOf(r) === p && r.code?.length === 3).map((r) => r.code ?? '');
      if (classes.length > 0 && classes.every((c) => table.groups?.personnel.includes(c))) heading[3 * p] = '人员经费';
      else if (classes.length > 0 && classes.every((c) => table.groups?.public.includes(c))) heading[3 * p] = '公用经费';
    }
    body.push(heading);
  }
  body.push(Array.from({ length: width }, (_, i) => ['科目代码', '科目名称', '决算数'][i % 3] ?? ''));
  body.push(['栏次']);
  const rows = sideBySide ? lines : table.rows.map((r) => [r]);
  for (const line of rows) {
    const cells = Array.from({ length: width }, () => '');
    // A line with a total label is read as totals only (the reader never puts a coded row on
    // one): each label, then its value two cells on.
    const totals = line.filter((r) => TOTAL_KEYS.has(r.key));
    totals.forEach((r, k) => {
      cells[3 * k] = r.label;
      cells[3 * k + 2] = printed(r.cells.amount);
    });
    if (totals.length === 0) for (const r of line) placePanel(cells, r, panelOf(r));
    body.push(cells);
  }
  for (const row of unrecognised(doc.issues, table, 1)) body.push(row);
  return [...head(table, doc, width), ...body, ...notes(table)];
}

function placePanel(cells: string[], row: Row, panel: number): void {
  cells[3 * panel] = row.code ?? '';
  cells[3 * panel + 1] = row.label;
  cells[3 * panel + 2] = printed(row.cells.amount);
}

/**
 * 三公 table: the header in the column order the document printed (by 预算数/决算数 first, or
 * by item first), a 栏次 row numbering the columns, and the one line of amounts. A cell the
 * source lacks keeps its column but no 栏次 number, so that it is lacking again.
 */
function threePublic(table: Table, doc: DisclosureDocument): Sheet {
  const keys = table.columns.map((c) => c.key);
  const kindOf = (key: string) => (key.startsWith('budget-') ? '预算数' : '决算数');
  const itemOf = (key: string) => THREE_PUBLIC_NAMES[key.replace(/^(budget|actual)-/, '') as ThreePublicItem]?.zh ?? key;
  const itemFirst = keys.length > 1 && kindOf(keys[0] ?? '') !== kindOf(keys[1] ?? '');
  const row = table.rows[0];
  const present = keys.map((k) => row === undefined || row.cells[k] !== undefined);
  // Fewer than three 栏次 numbers do not read as a 栏次 row: a first column then says 栏次.
  const lead = row !== undefined && present.filter(Boolean).length < 3 ? 1 : 0;
  const pad = (cells: string[]) => [...Array.from({ length: lead }, () => ''), ...cells];
  const top = keys.map((k, i) => (itemFirst ? (i % 2 === 0 ? itemOf(k) : '') : i === 0 || kindOf(k) !== kindOf(keys[i - 1] ?? '') ? kindOf(k) : ''));
  const second = keys.map((k) => (itemFirst ? kindOf(k) : itemOf(k)));
  const numbers = keys.map((_, i) => (present[i] ? String(i + 1) : ''));
  if (lead === 1) numbers.unshift('栏次');
  const body: Sheet = [pad(top), pad(second), numbers];
  if (row) body.push(pad(keys.map((k) => printed(row.cells[k]))));
  return [...head(table, doc, lead + keys.length), ...body, ...notes(table)];
}

/** A table read by labels and amounts in order (部门预算): one line per row, its label (code first) then its cells. */
function listed(table: Table, doc: DisclosureDocument): Sheet {
  const keys = table.columns.map((c) => c.key);
  const lines = table.rows.map((row) => [row.code ?? '', row.label, ...[...new Set(keys)].map((k) => printed(row.cells[k]))]);
  return [...head(table, doc, 2 + keys.length), ...lines, ...notes(table)];
}

function sheet(table: Table, doc: DisclosureDocument): Sheet {
  const layout = template(table.key).layout;
  switch (layout) {
    case 'coded':
      return coded(table, doc);
    case 'two-sided':
      return twoSided(table, doc);
    case 'panels':
      return panels(table, doc);
    case 'three-public':
      return threePublic(table, doc);
    case 'listed':
      return listed(table, doc);
    default: {
      const never: never = layout;
      return never;
    }
  }
}

/**
 * A document as the canonical per-table CSV folder: one file per table found, laid out as a
 * finance officer saves each sheet from Excel, and narrative.txt with the lines outside the
 * tables. Reading the folder back gives the same tables, cells and findings.
 */
export function csvFolder(doc: DisclosureDocument): CsvFolder {
  const files: ExportFile[] = [];
  for (const key of TABLE_KEYS) {
    const table = doc.tables[key];
    if (table) files.push({ name: tableFileName(key), text: csvText(sheet(table, doc)) });
  }
  if (doc.narrative.length > 0) {
    // Tabs would split a line into cells when it is read back.
    files.push({ name: NARRATIVE_FILE, text: `\uFEFF${doc.narrative.map((l) => l.text.replace(/\t/g, ' ')).join('\r\n')}\r\n` });
  }
  return { files, dropped: doc.issues.filter((i) => !KEPT.has(i.code)) };
}
