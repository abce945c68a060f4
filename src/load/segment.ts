import type { Location } from '../model/location.js';
import type { TextLine, Unit } from '../model/document.js';
import { BUILTIN_TEMPLATES, matchTitle, type TableTemplate, type TemplateSet } from '../templates/tables.js';
import { isBlankRow, nonEmpty, type GridRow } from './grid.js';
import { NOTE_START, squeeze } from './lexicon.js';

/** The rows of one table as found in the source, before its columns are read. */
export interface TableBlock {
  template: TableTemplate;
  title: string;
  titleLoc: Location;
  unit?: { unit: Unit; loc: Location };
  department?: { name: string; loc: Location };
  /** Header and data rows, in order. */
  body: GridRow[];
  notes: TextLine[];
}

export interface Segmented {
  blocks: TableBlock[];
  /** Every non-blank line outside the tables. */
  prose: TextLine[];
}

const DECIMAL_AMOUNT = /\d\.\d{2}(?!\d)/;
const UNIT_LINE = /^(金额)?单位[:：]\s*(万元|元)/;
const DEPARTMENT_LINE = /^(部门|单位名称|编制单位|填报单位|部门名称)[:：]\s*(.+)$/;
const TABLE_NUMBER = /^[（(]?公开\d{1,2}表[)）]?$|^表[一二三四五六七八九十\d]+$/;
// A heading of the narrative after the tables ends the table before it: 第三部分, 三、决算报表说明.
const PART_HEADING = /^第[一二三四五六七八九十]+部分|^[一二三四五六七八九十]+[、.．][^\d，。；]{0,24}(说明|情况|概况|解释|附件|评价|报告)$|^[（(][一二三四五六七八九十]+[)）][^\d，。；]{0,30}说明$/;

/** A line that may carry a unit, department or table number next to the title. */
function metaOf(cell: string): { unit?: Unit; department?: string; tag?: true } | undefined {
  const text = cell.trim();
  const unit = UNIT_LINE.exec(squeeze(text));
  if (unit) return { unit: unit[2] as Unit };
  const dept = DEPARTMENT_LINE.exec(text);
  if (dept?.[2]) {
    // “部门：江苏省政协办公厅单位：万元”: a PDF's text layer joins the two into one cell.
    const joined = /^(.+?)\s*单位[:：]\s*(万元|元)$/.exec(dept[2].trim());
    if (joined?.[1]) return { department: joined[1].trim(), unit: joined[2] as Unit };
    return { department: dept[2].trim() };
  }
  if (TABLE_NUMBER.test(squeeze(text))) return { tag: true };
  return undefined;
}

/** Text that is a table title, a unit or department line or a table number: never a table cell. */
export function isTitleOrMeta(text: string, templates: TemplateSet = BUILTIN_TEMPLATES): boolean {
  return matchTitle(text, templates) !== undefined || metaOf(text) !== undefined;
}

/** A title line: one short non-empty cell naming one of the nine tables. */
function titleOf(row: GridRow, templates: TemplateSet): TableTemplate | undefined {
  return titleOfCells(nonEmpty(row), templates);
}

/** `titleOf` given the row's printed cells. */
function titleOfCells(cells: readonly string[], templates: TemplateSet): TableTemplate | undefined {
  if (cells.length === 0 || cells.length > 3) return undefined;
  const first = cells[0] ?? '';
  if (!first.includes('表')) return undefined;
  const rest = cells.slice(1);
  if (!rest.every((c) => metaOf(c) !== undefined)) return undefined;
  return matchTitle(first, templates);
}

/**
 * A title is real when a unit line or a table header follows it before another title does;
 * a table of contents lists titles one after another and is not a table.
 */
function confirmTitle(rows: readonly GridRow[], at: number, templates: TemplateSet): boolean {
  let seen = 0;
  for (let i = at + 1; i < rows.length && seen < 8; i++) {
    const row = rows[i];
    if (!row || isBlankRow(row)) continue;
    seen++;
    if (titleOf(row, templates)) return false;
    const cells = nonEmpty(row);
    if (cells.some((c) => metaOf(c)?.unit !== undefined)) return true;
    if (cells.length >= 3) return true;
    // A line of amounts (a contents page numbers its entries with integers, never decimals).
    if (cells.some((c) => DECIMAL_AMOUNT.test(c))) return true;
  }
  return false;
}

/** Splits a sequence of grid rows into table blocks (of the run's tables) and the prose around them. */
export function segment(rows: readonly GridRow[], templates: TemplateSet = BUILTIN_TEMPLATES): Segmented {
  const blocks: TableBlock[] = [];
  const prose: TextLine[] = [];
  let current: TableBlock | undefined;
  let inNotes = false;
  let inHeaderMeta = false;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row || isBlankRow(row)) continue;
    // The row's printed cells, worked out once: every test below reads them.
    const cells = nonEmpty(row);
    const template = titleOfCells(cells, templates);
    if (template && confirmTitle(rows, i, templates)) {
      const title = cells[0] ?? '';
      current = { template, title, titleLoc: row.loc, body: [], notes: [] };
      blocks.push(current);
      inNotes = false;
      inHeaderMeta = true;
      for (const cell of cells.slice(1)) applyMeta(current, cell, row.loc);
      continue;
    }
    const text = cells.join(' ');
    if (!current) {
      prose.push({ text, loc: row.loc });
      continue;
    }
    if (PART_HEADING.test(squeeze(text))) {
      current = undefined;
      prose.push({ text, loc: row.loc });
      continue;
    }
    if (inHeaderMeta && cells.every((c) => metaOf(c) !== undefined)) {
      for (const cell of cells) applyMeta(current, cell, row.loc);
      continue;
    }
    inHeaderMeta = false;
    if (!inNotes && (NOTE_START.test(text) || isProse(cells))) inNotes = true;
    if (inNotes) current.notes.push({ text, loc: row.loc });
    else current.body.push(row);
  }
  return { blocks, prose };
}

function applyMeta(block: TableBlock, cell: string, loc: Location): void {
  const meta = metaOf(cell);
  if (meta?.unit && !block.unit) block.unit = { unit: meta.unit, loc };
  if (meta?.department && !block.department) block.department = { name: meta.department, loc };
}

/** A sentence rather than a table row: one long text cell ending like prose (given the row's printed cells). */
function isProse(cells: readonly string[]): boolean {
  if (cells.length !== 1) return false;
  const text = cells[0] ?? '';
  return text.length >= 12 && /[。；，,.]$|没有|无/.test(text) && !/^\d/.test(text);
}
