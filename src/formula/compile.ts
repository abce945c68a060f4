import type { CellRef, ColumnRef, Condition, Domain, Filter, Formula, Operand, RowSet, Term } from './ast.js';
import { parseFormula, type FormulaError } from './parse.js';

/**
 * What compiling needs to know of a table: its key, names and titles, and its columns with their
 * header synonyms (the template catalog's table definitions have this shape).
 */
export interface TableNames {
  key: string;
  name: { zh: string; en: string };
  titles: readonly string[];
  columns: ReadonlyArray<{ key: string; name: { zh: string; en: string }; headers: readonly string[] }>;
  incomeColumns?: ReadonlyArray<{ key: string; name: { zh: string; en: string }; headers: readonly string[] }> | undefined;
}

/**
 * A formula whose table and column names are resolved to keys of the catalog, and whose
 * variables are all bound: ready to evaluate against any document.
 */
export interface CompiledFormula {
  formula: Formula;
  /** Every table the formula reads, by key. */
  tables: string[];
}

export type Compiled = { ok: true; compiled: CompiledFormula } | { ok: false; error: FormulaError };

const FILTER_VALUES: Record<string, readonly string[]> = {
  level: ['total', 'class', 'section', 'item', 'line'],
  side: ['income', 'expense'],
};
const GROUPS = ['personnel', 'public'];

class Unresolved extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const squash = (text: string): string => text.replace(/[\s\u3000]+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/["“”'‘’]/g, '');

function findTable(tables: readonly TableNames[], name: string): TableNames {
  const plain = squash(name);
  const found =
    tables.find((t) => t.key === name) ??
    tables.find((t) => squash(t.name.zh) === plain || t.name.en.toLowerCase() === name.toLowerCase()) ??
    tables.find((t) => t.titles.some((p) => new RegExp(p, 'u').test(plain) || new RegExp(p, 'u').test(plain.replace(/[()]/g, ''))));
  if (!found) throw new Unresolved(`未知的表“${name}”`, `unknown table “${name}”`);
  return found;
}

function findColumn(table: TableNames, name: string): string {
  const columns = [...(table.incomeColumns ?? []), ...table.columns];
  const plain = squash(name);
  const found =
    columns.find((c) => c.key === name) ??
    columns.find((c) => squash(c.name.zh) === plain || c.name.en.toLowerCase() === name.toLowerCase()) ??
    columns.find((c) => c.headers.some((p) => new RegExp(p, 'u').test(plain)));
  if (!found) throw new Unresolved(`${table.name.zh}没有栏目“${name}”`, `the ${table.name.en} has no column “${name}”`);
  return found.key;
}

/**
 * Parses a formula and resolves its names: tables by key, name or title; columns by key, name or
 * header; filters, groups and variables checked. Errors name what is wrong; nothing is executed.
 */
export function compileFormula(text: string, tables: readonly TableNames[]): Compiled {
  const parsed = parseFormula(text);
  if (!parsed.ok) return parsed;
  const f = parsed.formula;
  const used = new Set<string>();
  const rowVars = new Set<string>();
  const columnVars = new Set<string>();
  for (const b of f.bindings) {
    if (rowVars.has(b.variable.name) || columnVars.has(b.variable.name)) return fail(`变量 $${b.variable.name} 绑定了两次`, `variable $${b.variable.name} is bound twice`);
    (b.domain.kind === 'columns' ? columnVars : rowVars).add(b.variable.name);
  }
  try {
    const table = (name: string): string => {
      const t = findTable(tables, name);
      used.add(t.key);
      return t.key;
    };
    const def = (key: string): TableNames => findTable(tables, key);
    const column = (tableKey: string, c: ColumnRef): ColumnRef => {
      if (c.kind === 'var') {
        if (!columnVars.has(c.name) && !isListVar(f, c.name)) throw new Unresolved(`栏目变量 $${c.name} 没有用 for … in columns(…) 绑定`, `column variable $${c.name} is not bound by for … in columns(…)`);
        return c;
      }
      return { kind: 'name', name: findColumn(def(tableKey), c.name) };
    };
    const rowVar = (name: string): void => {
      if (!rowVars.has(name) && !isListVar(f, name)) throw new Unresolved(`行变量 $${name} 没有用 for … in rows(…) 绑定`, `row variable $${name} is not bound by for … in rows(…)`);
    };
    const filters = (fs: readonly Filter[]): Filter[] =>
      fs.map((flt) => {
        const allowed = FILTER_VALUES[flt.field];
        if (!allowed) throw new Unresolved(`未知的筛选字段“${flt.field}”（可用 level、side）`, `unknown filter field “${flt.field}” (use level or side)`);
        if (!allowed.includes(flt.value)) throw new Unresolved(`${flt.field} 的取值应为 ${allowed.join('、')}`, `${flt.field} must be one of ${allowed.join(', ')}`);
        return flt;
      });
    const cell = (ref: CellRef): CellRef => {
      const t = table(ref.table);
      if (ref.row.kind === 'var') rowVar(ref.row.name);
      return { kind: 'cell', table: t, row: ref.row, column: column(t, ref.column) };
    };
    const rowSet = (set: RowSet): RowSet => {
      switch (set.kind) {
        case 'children':
          rowVar(set.of.name);
          return set;
        case 'group':
          if (!GROUPS.includes(set.group)) throw new Unresolved(`未知的分组“${set.group}”（可用 personnel、public）`, `unknown group “${set.group}” (use personnel or public)`);
          return set;
        case 'list':
          for (const r of set.rows) if (r.kind === 'var') rowVar(r.name);
          return set;
        case 'filter':
          return { kind: 'filter', filters: filters(set.filters) };
        default: {
          const never: never = set;
          return never;
        }
      }
    };
    const operand = (o: Operand): Operand => {
      switch (o.kind) {
        case 'cell':
          return cell(o);
        case 'sum': {
          const t = table(o.table);
          return { kind: 'sum', table: t, rows: rowSet(o.rows), column: column(t, o.column) };
        }
        case 'number':
          return o;
        default: {
          const never: never = o;
          return never;
        }
      }
    };
    const terms = (ts: readonly Term[]): Term[] => ts.map((t) => ({ sign: t.sign, operand: operand(t.operand) }));
    const domain = (d: Domain): Domain => {
      switch (d.kind) {
        case 'columns':
          return { kind: 'columns', table: table(d.table) };
        case 'rows':
          return { kind: 'rows', sources: d.sources.map((s) => ({ table: table(s.table), filters: filters(s.filters) })) };
        case 'list':
          return d;
        default: {
          const never: never = d;
          return never;
        }
      }
    };
    const condition = (c: Condition): Condition => {
      switch (c.kind) {
        case 'present':
        case 'absent':
          return { kind: c.kind, ref: cell(c.ref) };
        case 'not':
          return { kind: 'not', condition: condition(c.condition) };
        case 'and':
        case 'or':
          return { kind: c.kind, left: condition(c.left), right: condition(c.right) };
        default: {
          const never: never = c;
          return never;
        }
      }
    };
    const bindings = f.bindings.map((b) => ({ variable: b.variable, domain: domain(b.domain) }));
    const formula: Formula = {
      left: terms(f.left),
      op: f.op,
      right: terms(f.right),
      bindings,
      ...(f.condition ? { condition: condition(f.condition) } : {}),
    };
    return { ok: true, compiled: { formula, tables: [...used].sort() } };
  } catch (error) {
    if (error instanceof Unresolved) return fail(error.zh, error.en);
    throw error;
  }
}

function isListVar(f: Formula, name: string): boolean {
  return f.bindings.some((b) => b.variable.name === name && b.domain.kind === 'list');
}

function fail(zh: string, en: string): Compiled {
  return { ok: false, error: { message: { zh, en } } };
}
