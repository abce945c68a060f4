import type { DisclosureDocument, LoadIssue, Table, TableKey, TextLine, Unit } from '../model/document.js';
import type { Location } from '../model/location.js';
import { buildCoded } from './build/coded.js';
import { buildListed } from './build/listed.js';
import { buildPanels } from './build/panels.js';
import { buildThreePublic } from './build/three-public.js';
import { buildTwoSided } from './build/two-sided.js';
import type { BuildContext, TableBuilder } from './build/common.js';
import { BUILTIN_TEMPLATES, type TableLayout, type TemplateSet } from '../templates/tables.js';
import type { GridRow } from './grid.js';
import { segment, type TableBlock } from './segment.js';
import { append } from './arrays.js';

/** The reader of each table layout (a Record, so that a new layout cannot go without one). */
const BUILDERS: Record<TableLayout, TableBuilder> = {
  coded: buildCoded,
  'two-sided': buildTwoSided,
  panels: buildPanels,
  'three-public': buildThreePublic,
  listed: buildListed,
};

/** Turns one table block into a Table, using its template's layout. */
export function buildTable(block: TableBlock, fallbackUnit: Unit, issues: LoadIssue[]): Table {
  const unit = block.unit?.unit ?? fallbackUnit;
  const ctx: BuildContext = { table: block.template.key, unit, issues };
  if (!block.unit) {
    issues.push({ code: 'unit-missing', loc: { ...block.titleLoc, table: block.template.key }, params: { unit } });
  }
  const built = BUILDERS[block.template.layout](block.template, block.body, ctx);
  reportUnplaced(block, built.rows, issues);
  const empty = built.rows.every((row) => Object.values(row.cells).every((cell) => cell.kind === 'blank'));
  const table: Table = {
    key: block.template.key,
    title: block.title,
    titleLoc: { ...block.titleLoc, table: block.template.key },
    unit,
    ...(block.unit ? { unitLoc: block.unit.loc } : {}),
    columns: built.columns,
    rows: built.rows,
    notes: block.notes,
    empty,
    ...(built.groups ? { groups: built.groups } : {}),
  };
  return table;
}

/**
 * A table read from text that lost its empty cells: how many printed values were placed, how many
 * could not be, and how many cells are therefore unknown. One warning per table.
 */
function reportUnplaced(block: TableBlock, rows: readonly Table['rows'][number][], issues: LoadIssue[]): void {
  const cells = rows.flatMap((row) => Object.values(row.cells));
  const unknown = cells.filter((c) => c.kind === 'unknown').length;
  const uncertain = block.body.filter((row) => row.uncertain !== undefined);
  for (const row of uncertain) {
    const inconsistent = row.uncertain?.inconsistent;
    if (!inconsistent) continue;
    const label = row.cells[0] || row.cells[1] || '';
    issues.push({ code: 'placement-inconsistent', loc: { ...row.loc, table: block.template.key }, params: { row: label, text: inconsistent.text } });
  }
  if (uncertain.length === 0) {
    // Cells marked ? in a table that kept its columns (a folder written by `zjs import`).
    const marked = cells.find((c) => c.kind === 'unknown');
    if (marked) issues.push({ code: 'cells-unknown', loc: { ...marked.loc, table: block.template.key }, params: { unknown: String(unknown) } });
    return;
  }
  const unplaced = uncertain.reduce((n, row) => n + (row.uncertain?.unplaced.length ?? 0), 0);
  if (unplaced === 0 && unknown === 0) return;
  const placed = cells.filter((c) => c.kind === 'amount').length;
  const first = uncertain.find((row) => (row.uncertain?.unplaced.length ?? 0) > 0 || (row.uncertain?.unknown.length ?? 0) > 0) ?? uncertain[0];
  const loc = first ? { ...first.loc, table: block.template.key } : { ...block.titleLoc, table: block.template.key };
  issues.push({ code: 'cells-unplaced', loc, params: { placed: String(placed), unplaced: String(unplaced), unknown: String(unknown) } });
}

export interface SourcePart {
  file: string;
  rows: GridRow[];
}

/**
 * Builds a document from its parts (one text file, or one CSV per table plus narrative files):
 * tables by title, the rest as narrative, department and year read from the document itself.
 */
export function assemble(source: string, format: DisclosureDocument['format'], parts: readonly SourcePart[], templates: TemplateSet = BUILTIN_TEMPLATES): DisclosureDocument {
  const issues: LoadIssue[] = [];
  const tables: Record<TableKey, Table> = {};
  const narrative: TextLine[] = [];
  let department: DisclosureDocument['department'];
  const blocks: TableBlock[] = [];
  for (const part of parts) {
    const seg = segment(part.rows, templates);
    append(blocks, seg.blocks);
    append(narrative, seg.prose);
  }
  const units = blocks.flatMap((b) => (b.unit ? [b.unit.unit] : []));
  const docUnit: Unit = units.includes('万元') || units.length === 0 ? '万元' : '元';
  for (const block of blocks) {
    const key = block.template.key;
    if (tables[key]) {
      issues.push({ code: 'table-duplicate', loc: { ...block.titleLoc, table: key }, params: { title: block.title } });
      continue;
    }
    tables[key] = buildTable(block, docUnit, issues);
    if (!department && block.department) department = block.department;
  }
  const mixed = new Set(units);
  if (mixed.size > 1) {
    const first = blocks.find((b) => b.unit && b.unit.unit !== docUnit);
    if (first?.unit) issues.push({ code: 'unit-mixed', loc: first.unit.loc, params: { units: [...mixed].join('、') } });
  }
  department ??= departmentFromProse(narrative);
  const year = yearOf(narrative);
  return {
    source,
    format,
    files: parts.map((p) => p.file),
    unit: docUnit,
    ...(department ? { department } : {}),
    ...(year ? { year } : {}),
    tables,
    narrative,
    issues,
  };
}

const ORG_SUFFIX = /(局|委员会|委|办公室|办|院|中心|厅|部|署|会|所|站|队|馆|社|处|室|校|学校|医院|政府|集团)(（本级）|\(本级\))?$/;

/** The department named on the cover: a short line ending like an organisation, near the top. */
function departmentFromProse(lines: readonly TextLine[]): { name: string; loc: Location } | undefined {
  for (const line of lines.slice(0, 15)) {
    const text = line.text.replace(/\s+/g, '');
    const m = /^(.{2,30}?)(20\d{2})年度?部门决算/.exec(text);
    if (m?.[1] && ORG_SUFFIX.test(m[1])) return { name: m[1], loc: line.loc };
    if (text.length >= 4 && text.length <= 30 && ORG_SUFFIX.test(text) && !/[，。；：:]/.test(text)) {
      return { name: text, loc: line.loc };
    }
  }
  return undefined;
}

/** The reporting year: from “2023年度部门决算” (or 部门预算) on the cover, else the most frequent “20xx年度”. */
function yearOf(lines: readonly TextLine[]): { value: number; loc: Location } | undefined {
  for (const cover of [/(20\d{2})\s*年度?\s*(部门)?决算/, /(20\d{2})\s*年?度?\s*(部门|单位)预算/]) {
    for (const line of lines.slice(0, 40)) {
      const m = cover.exec(line.text);
      if (m?.[1]) return { value: Number(m[1]), loc: line.loc };
    }
  }
  for (let i = 0; i < Math.min(lines.length, 10); i++) {
    const m = /^(20\d{2})\s*年度?$/.exec(lines[i]?.text.trim() ?? '');
    const line = lines[i];
    if (m?.[1] && line) return { value: Number(m[1]), loc: line.loc };
  }
  const counts = new Map<number, { n: number; loc: Location }>();
  for (const line of lines) {
    for (const m of line.text.matchAll(/(20\d{2})\s*年度/g)) {
      const y = Number(m[1]);
      const entry = counts.get(y) ?? { n: 0, loc: line.loc };
      entry.n++;
      counts.set(y, entry);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[0] - a[0])[0];
  return best ? { value: best[0], loc: best[1].loc } : undefined;
}
