import type { TableKey } from '../model/document.js';
import type { Localized } from '../model/finding.js';
import { TABLES } from './catalog/tables.js';
import type { ColumnDef, RowDef, TableDef } from './family.js';

/** How a table is laid out, which decides how its rows and columns are read. */
export type TableLayout = 'coded' | 'two-sided' | 'panels' | 'three-public' | 'listed';

export interface ColumnSpec {
  key: string;
  name: Localized;
  /** Matched against the header text of a column, joined over the header rows, spaces removed. */
  match: RegExp;
}

/** A row of a two-sided table, matched on its label (numbering and spaces removed). */
export interface RowSpec {
  key: string;
  name: Localized;
  match: RegExp;
}

export interface TableTemplate {
  key: TableKey;
  name: Localized;
  /** Matched against a normalised title line (numbering, quotes and spaces removed). */
  title: RegExp;
  layout: TableLayout;
  /** Amount columns (coded/panels tables) or expense-side columns (two-sided tables). */
  columns: ColumnSpec[];
  /** Income-side amount columns of two-sided tables. */
  incomeColumns?: ColumnSpec[];
  /** “其中” columns: mapped where a header names them, never inferred from a count of values. */
  detailColumns?: ColumnSpec[];
  /** Item rows of a two-sided table, per side. */
  rows?: { income: RowSpec[]; expense: RowSpec[] };
  /** Only the rows the definition lists are read; other lines are passed over. */
  partial?: boolean;
  /** Every column key, detail columns included, in the definition's (the printed) order. */
  columnOrder?: string[];
}

/** The tables a run recognises, as the readers use them: the built-in catalog's, or a config's. */
export interface TemplateSet {
  list: readonly TableTemplate[];
  byKey: ReadonlyMap<string, TableTemplate>;
}

/** A table definition of the catalog as the readers use it: patterns compiled. */
function toTemplate(def: TableDef): TableTemplate {
  const spec = (c: ColumnDef): ColumnSpec => ({ key: c.key, name: c.name, match: anyOf(c.headers) });
  return {
    key: def.key,
    name: def.name,
    title: anyOf(def.titles),
    layout: def.layout,
    columns: def.columns.filter((c) => !c.detail).map(spec),
    ...(def.columns.some((c) => c.detail) ? { detailColumns: def.columns.filter((c) => c.detail).map(spec) } : {}),
    ...(def.incomeColumns ? { incomeColumns: def.incomeColumns.map(spec) } : {}),
    ...(def.rows ? { rows: { income: (def.rows.income ?? []).map(rowSpec), expense: (def.rows.expense ?? []).map(rowSpec) } } : {}),
    ...(def.partial ? { partial: true } : {}),
    columnOrder: def.columns.map((c) => c.key),
  };
}

const rowSpec = (r: RowDef): RowSpec => ({ key: r.key, name: r.name, match: anyOf(r.labels) });

const sets = new WeakMap<readonly TableDef[], TemplateSet>();

/** The templates of a catalog's tables (compiled once per catalog). */
export function templateSet(tables: readonly TableDef[]): TemplateSet {
  let set = sets.get(tables);
  if (!set) {
    const list = tables.map(toTemplate);
    set = { list, byKey: new Map(list.map((t) => [t.key, t])) };
    sets.set(tables, set);
  }
  return set;
}

/** One expression matching any of the patterns. */
export function anyOf(patterns: readonly string[]): RegExp {
  return new RegExp(patterns.length === 1 ? (patterns[0] ?? '') : patterns.map((p) => `(?:${p})`).join('|'), 'u');
}

/**
 * Every table zjs recognises, from the built-in catalog (templates/catalog/tables.ts). Titles vary
 * slightly by region and year; numbering never identifies a table.
 */
export const BUILTIN_TEMPLATES: TemplateSet = templateSet(TABLES);
export const TEMPLATES: readonly TableTemplate[] = BUILTIN_TEMPLATES.list;

const BY_KEY = BUILTIN_TEMPLATES.byKey;

/** Whether the catalog knows a table by this key. */
export function hasTemplate(key: string): boolean {
  return BY_KEY.has(key);
}

export function template(key: TableKey): TableTemplate {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`no template for ${key}`);
  return found;
}

/** Removes what varies in a printed title: numbering, 公开NN表 tags, quotes, brackets and spaces. */
export function normaliseTitle(line: string): string {
  return line
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[-•·*#]+/, '')
    .replace(/^(第?[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]+[)）])/, '')
    .replace(/^表[一二三四五六七八九十\d]{1,3}[：:、.．]?/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/[（(]?公开\d{1,2}表[)）]?$/, '')
    .replace(/^[（(]?公开\d{1,2}表[)）]?/, '')
    .replace(/["“”'‘’「」『』]/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[)）]/g, ')');
}

/** The template whose title a line carries, if any, among the run's tables (the built-in ones by default). */
export function matchTitle(line: string, templates: TemplateSet = BUILTIN_TEMPLATES): TableTemplate | undefined {
  const title = normaliseTitle(line);
  if (title.length < 4 || title.length > 40) return undefined;
  return templates.list.find((t) => t.title.test(title.replace(/[()]/g, '')) || t.title.test(title));
}

/** Normalises header text for matching: no spaces, ASCII brackets. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}
