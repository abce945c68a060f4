import type { Cell, DisclosureDocument, Row, Table } from '../model/document.js';
import type { CheckResult, CheckStatus, Localized, MessageParam, Relation, Term as CheckTerm } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { D, ZERO, type Dec } from '../model/number.js';
import { functionClassName } from '../model/function-classes.js';
import { ScaledCheck, type ScaledStatus } from './scaled.js';
import type { CellRef, ColumnRef, Condition, Filter, Formula, NumberLit, Operand, RowRef, RowSet } from './ast.js';

/**
 * Evaluates a compiled formula against a document, with interval arithmetic: each printed value
 * stands for ± half its last digit, so an identity holds when the difference of its two sides is
 * within the sum of those radii (XBRL Calculations 1.1). What the formula names but the document
 * does not print is handled by these rules (docs/formulas.md):
 * - an empty table (published without figures) reads as blank in every cell;
 * - a side whose every term names a column the table lacks, or a sum over no rows, is not
 *   printed: the identity does not apply;
 * - a side that names a row by key that the table lacks is reported as skipped (row not found),
 *   unless the other side prints nothing; a missing row next to printed terms counts as blank;
 * - a row bound by a variable and missing from a table is blank (tables omit empty rows);
 * - blank cells take no part in a sum (a blank is not a zero: it is shown as blank);
 * - a cell that is not a number, or that the reader could not place, makes the check skipped.
 */

/** What the evaluator needs to know besides the document: names for messages, groups of the basic table. */
export interface EvalEnv {
  tableName(key: string): Localized;
  columnName(table: string, column: string): Localized;
  /** Economic classes summed into 人员经费 and 公用经费 when the document does not group them. */
  groups: { personnel: readonly string[]; public: readonly string[] };
}

export interface IdentitySpec {
  /** Finding key template; `{$r}`/`{$c}` (any variable) are replaced by the bound row and column. */
  key: string;
  message: string;
  params: Record<string, MessageParam | { table: string }>;
  complete: boolean;
}

type Binding = { kind: 'row'; row: Row; id: string } | { kind: 'column'; column: string } | { kind: 'name'; name: string };
type Scope = ReadonlyMap<string, Binding>;

type Resolved =
  | { kind: 'cell'; cell: Cell; table: Table; row: Row | undefined; column: string }
  | { kind: 'no-row'; table: Table; name: string }
  | { kind: 'absent' };

/** Nothing of the term is in the document (shared: it carries nothing). */
const ABSENT: Resolved = { kind: 'absent' };

interface Part {
  sign: 1 | -1;
  resolved: Resolved;
  /** A number written in the formula. */
  constant?: Dec;
}

const ROW_INDEX = new WeakMap<Table, Map<string, Row>>();
const LITERALS = new WeakMap<NumberLit, Dec>();

/** A number written in a formula, read once. */
function constantOf(literal: NumberLit): Dec {
  let value = LITERALS.get(literal);
  if (!value) {
    value = new D(literal.text);
    LITERALS.set(literal, value);
  }
  return value;
}

/** How a row is known across tables: its 科目 code, the code of a summary-table class, or its key. */
export function rowIdentity(row: Row): string {
  return row.code ?? /(?:^|:)class-(\d{3})$/.exec(row.key)?.[1] ?? row.key;
}

function rowIndex(table: Table): Map<string, Row> {
  let index = ROW_INDEX.get(table);
  if (!index) {
    index = new Map();
    for (const row of table.rows) {
      if (!index.has(row.key)) index.set(row.key, row);
      const id = rowIdentity(row);
      if (!index.has(id)) index.set(id, row);
    }
    ROW_INDEX.set(table, index);
  }
  return index;
}

const squash = (text: string): string => text.replace(/[\s\u3000]+/g, '').replace(/^[一二三四五六七八九十]+[、.．]/, '');

const LABELS = new WeakMap<Table, Map<string, Row>>();

/** A row named in a formula: by key, by code, or by its printed label. */
function namedRow(table: Table, name: string): Row | undefined {
  const index = rowIndex(table);
  const direct = index.get(name);
  if (direct) return direct;
  let labels = LABELS.get(table);
  if (!labels) {
    labels = new Map();
    // The first row with a label wins, as a search in table order would find it.
    for (const r of table.rows) {
      const label = squash(r.label);
      if (!labels.has(label)) labels.set(label, r);
    }
    LABELS.set(table, labels);
  }
  return labels.get(squash(name));
}

function matches(row: Row, filters: readonly Filter[]): boolean {
  return filters.every((f) => (f.field === 'level' ? row.level === f.value : f.field === 'side' ? row.side === f.value : false));
}

interface ChildIndex {
  /** Rows by the code they sit under: a code of n + 2 characters under its first n. */
  byParent: Map<string, Row[]>;
  /** The 类 (3-digit codes), under the 合计. */
  classes: Row[];
}

const CHILDREN = new WeakMap<Table, ChildIndex>();
const NO_ROWS: Row[] = [];

/** Rows one level below: 合计 → 类, 类 → 款, 款 → 项. */
function childrenOf(table: Table, parent: Row): Row[] {
  const code = parent.code;
  if (!code) return parent.key === 'total' ? childIndex(table).classes : NO_ROWS;
  if (code.length >= 7) return NO_ROWS;
  return childIndex(table).byParent.get(code) ?? NO_ROWS;
}

/** A table's rows by the code they sit under, in table order, built in one pass. */
function childIndex(table: Table): ChildIndex {
  let index = CHILDREN.get(table);
  if (!index) {
    index = { byParent: new Map(), classes: [] };
    for (const r of table.rows) {
      const c = r.code;
      if (c === undefined || c.length < 3) continue;
      if (c.length === 3) index.classes.push(r);
      const parent = c.slice(0, c.length - 2);
      const list = index.byParent.get(parent);
      if (list) list.push(r);
      else index.byParent.set(parent, [r]);
    }
    CHILDREN.set(table, index);
  }
  return index;
}

const FILTERED = new WeakMap<Table, Map<readonly Filter[], Row[]>>();

/** The rows of a table a filter of a formula keeps, worked out once per table and filter. */
function filtered(table: Table, filters: readonly Filter[]): Row[] {
  let known = FILTERED.get(table);
  if (!known) {
    known = new Map();
    FILTERED.set(table, known);
  }
  let rows = known.get(filters);
  if (!rows) {
    rows = table.rows.filter((row) => matches(row, filters));
    known.set(filters, rows);
  }
  return rows;
}

function groupRows(table: Table, group: 'personnel' | 'public', env: EvalEnv): Row[] {
  const classes = table.groups?.[group] ?? env.groups[group];
  const index = rowIndex(table);
  return classes.flatMap((c) => {
    const row = index.get(c);
    return row && row.code?.length === 3 ? [row] : [];
  });
}

class Evaluation {
  constructor(
    readonly doc: DisclosureDocument,
    readonly env: EvalEnv,
  ) {}

  table(key: string): Table | undefined {
    return this.doc.tables[key];
  }

  column(c: ColumnRef, scope: Scope): string | undefined {
    if (c.kind === 'name') return c.name;
    const b = scope.get(c.name);
    return b?.kind === 'column' ? b.column : b?.kind === 'name' ? b.name : undefined;
  }

  /** The row a reference names in a table; `no-row` when a key names a row the table lacks. */
  row(table: Table, r: RowRef, scope: Scope): { row: Row } | { missing: string; bound: boolean } {
    if (r.kind === 'name') {
      const row = namedRow(table, r.name);
      return row ? { row } : { missing: r.name, bound: false };
    }
    const b = scope.get(r.name);
    if (b?.kind === 'row') {
      const row = b.row.key && rowIndex(table).get(b.id);
      return row ? { row } : { missing: b.id, bound: true };
    }
    if (b?.kind === 'name') {
      const row = namedRow(table, b.name);
      return row ? { row } : { missing: b.name, bound: false };
    }
    return { missing: r.name, bound: true };
  }

  cell(ref: CellRef, scope: Scope): Resolved {
    const table = this.table(ref.table);
    if (!table) return ABSENT;
    const column = this.column(ref.column, scope);
    if (column === undefined) return ABSENT;
    if (table.empty) return { kind: 'cell', cell: { kind: 'blank', loc: { ...table.titleLoc, table: table.key, column } }, table, row: undefined, column };
    const found = this.row(table, ref.row, scope);
    if ('missing' in found) {
      if (!table.columns.some((c) => c.key === column)) return ABSENT;
      // A row bound by a variable is a row of another table: here it is not printed, so blank.
      if (found.bound) return { kind: 'cell', cell: { kind: 'blank', loc: { ...table.titleLoc, table: table.key, column } }, table, row: undefined, column };
      return { kind: 'no-row', table, name: found.missing };
    }
    const cell = found.row.cells[column];
    if (!cell) return ABSENT;
    return { kind: 'cell', cell, table, row: found.row, column };
  }

  rowSet(table: Table, set: RowSet, scope: Scope): Row[] {
    switch (set.kind) {
      case 'children': {
        const b = scope.get(set.of.name);
        if (b?.kind !== 'row') return [];
        const parent = rowIndex(table).get(b.id);
        return parent ? childrenOf(table, parent) : [];
      }
      case 'group':
        return groupRows(table, set.group as 'personnel' | 'public', this.env);
      case 'list':
        return set.rows.flatMap((r) => {
          const found = this.row(table, r, scope);
          return 'row' in found ? [found.row] : [];
        });
      case 'filter':
        return filtered(table, set.filters);
      default: {
        const never: never = set;
        return never;
      }
    }
  }

  /** Appends the parts an operand stands for to `out`. */
  parts(operand: Operand, sign: 1 | -1, scope: Scope, out: Part[]): void {
    switch (operand.kind) {
      case 'cell':
        out.push({ sign, resolved: this.cell(operand, scope) });
        return;
      case 'number':
        out.push({ sign, resolved: ABSENT, constant: constantOf(operand) });
        return;
      case 'sum': {
        const table = this.table(operand.table);
        const column = this.column(operand.column, scope);
        if (!table || column === undefined) {
          out.push({ sign, resolved: ABSENT });
          return;
        }
        if (table.empty) {
          out.push({ sign, resolved: { kind: 'cell', cell: { kind: 'blank', loc: { ...table.titleLoc, table: table.key, column } }, table, row: undefined, column } });
          return;
        }
        const before = out.length;
        for (const row of this.rowSet(table, operand.rows, scope)) {
          const cell = row.cells[column];
          if (cell) out.push({ sign, resolved: { kind: 'cell', cell, table, row, column } });
        }
        if (out.length === before) out.push({ sign, resolved: ABSENT });
        return;
      }
      default: {
        const never: never = operand;
        return never;
      }
    }
  }

  condition(c: Condition, scope: Scope): boolean {
    switch (c.kind) {
      case 'present':
        return this.cell(c.ref, scope).kind === 'cell';
      case 'absent':
        return this.cell(c.ref, scope).kind !== 'cell';
      case 'not':
        return !this.condition(c.condition, scope);
      case 'and':
        return this.condition(c.left, scope) && this.condition(c.right, scope);
      case 'or':
        return this.condition(c.left, scope) || this.condition(c.right, scope);
      default: {
        const never: never = c;
        return never;
      }
    }
  }
}

/** Every way to bind the formula's variables, in table order. */
function scopes(f: Formula, ev: Evaluation): Scope[] {
  let out: Array<Map<string, Binding>> = [new Map()];
  for (const b of f.bindings) {
    const values: Binding[] = [];
    const d = b.domain;
    if (d.kind === 'columns') {
      const table = ev.table(d.table);
      for (const c of table?.columns ?? []) if (!values.some((v) => v.kind === 'column' && v.column === c.key)) values.push({ kind: 'column', column: c.key });
    } else if (d.kind === 'list') {
      for (const name of d.values) values.push({ kind: 'name', name });
    } else {
      const seen = new Set<string>();
      for (const source of d.sources) {
        const table = ev.table(source.table);
        for (const row of table?.rows ?? []) {
          if (!matches(row, source.filters)) continue;
          const id = rowIdentity(row);
          if (seen.has(id)) continue;
          seen.add(id);
          values.push({ kind: 'row', row, id });
        }
      }
    }
    out = out.flatMap((scope) => values.map((v) => new Map(scope).set(b.variable.name, v)));
  }
  return out;
}

const MISSING_CELLS: Localized = { zh: '表中缺少所需单元格', en: 'the table lacks cells this check needs' };
const UNREADABLE: Localized = { zh: '有单元格不是数字', en: 'a cell is not a number' };
const UNPLACED: Localized = { zh: '有单元格无法从文本中确定', en: 'a cell could not be read from the text layout' };

const rowLabel = (row: Row): string => (row.code ? `${row.code} ${row.label}`.trim() : row.label.trim());
const plainLabel = (row: Row): string => row.label.trim().replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');

function locOf(cell: Cell): Location {
  return cell.kind === 'amount' ? cell.amount.loc : cell.loc;
}

/** Standard message values of one check: the tables, the bound row and column, the sides. */
function standardParams(left: Part[], right: Part[], scope: Scope, env: EvalEnv): Record<string, MessageParam> {
  const params: Record<string, MessageParam> = {};
  const first = (parts: Part[]) => parts.find((p) => p.resolved.kind !== 'absent')?.resolved;
  const l = first(left);
  const r = first(right);
  const tableOf = (x: Resolved | undefined) => (x && x.kind !== 'absent' ? x.table : undefined);
  const lt = tableOf(l);
  const rt = tableOf(r);
  if (lt) params.table = params.lhsTable = env.tableName(lt.key);
  if (rt) params.rhsTable = env.tableName(rt.key);
  const boundRow = [...scope.values()].find((b): b is Binding & { kind: 'row' } => b.kind === 'row');
  const boundColumn = [...scope.values()].find((b): b is Binding & { kind: 'column' } => b.kind === 'column');
  const lhsRow = l?.kind === 'cell' ? l.row : undefined;
  const row = boundRow?.row ?? lhsRow;
  if (row) {
    params.row = rowLabel(row);
    const code = boundRow?.id ?? row.code;
    if (code && /^\d{3,7}$/.test(code)) params.code = code;
    params.name = (code && code.length === 3 ? functionClassName(code) : undefined) ?? plainLabel(row);
  } else if (l?.kind === 'no-row') params.row = l.name;
  if (lhsRow) params.item = plainLabel(lhsRow);
  const columnName = (x: Resolved | undefined) => (x?.kind === 'cell' && lt ? env.columnName(x.table.key, x.column) : undefined);
  const lc = columnName(l);
  if (boundColumn && lt) params.column = env.columnName(lt.key, boundColumn.column);
  else if (lc) params.column = lc;
  if (lc) params.total = lc;
  const rc = r?.kind === 'cell' ? env.columnName(r.table.key, r.column) : undefined;
  if (rc) params.rhsColumn = rc;
  const partNames: Localized[] = [];
  for (const p of right) {
    if (p.resolved.kind !== 'cell') continue;
    const name = env.columnName(p.resolved.table.key, p.resolved.column);
    if (!partNames.some((n) => n.zh === name.zh)) partNames.push(name);
  }
  if (partNames.length > 0) params.parts = { zh: partNames.map((n) => n.zh).join(' + '), en: partNames.map((n) => n.en).join(' + ') };
  params.left = describe(left, env);
  params.right = describe(right, env);
  const rows = right.flatMap((p) => (p.resolved.kind === 'cell' && p.resolved.row ? [p.resolved.row.code ?? plainLabel(p.resolved.row)] : []));
  if (rows.length > 0) params.rows = [...new Set(rows)].join('、');
  return params;
}

/** `{$r}` is the bound row's key, `{$r.id}` its identity across tables (a code), `{$c}` the column. */
/** A side as printed cells: “收入决算表 合计“财政拨款收入” + …”, for messages of user formulas. */
function describe(parts: Part[], env: EvalEnv): Localized {
  const one = (p: Part, lang: 'zh' | 'en'): string | undefined => {
    if (p.constant !== undefined) return p.constant.toFixed();
    if (p.resolved.kind !== 'cell') return undefined;
    const { table, row, column } = p.resolved;
    const t = env.tableName(table.key)[lang];
    const c = env.columnName(table.key, column)[lang];
    const r = row ? rowLabel(row) : '';
    return lang === 'zh' ? `${t}${r ? ` ${r}` : ''}“${c}”` : `${t}${r ? `, ${r}` : ''}, “${c}”`;
  };
  const side = (lang: 'zh' | 'en'): string =>
    parts
      .flatMap((p) => {
        const text = one(p, lang);
        return text === undefined ? [] : [{ sign: p.sign, text }];
      })
      .map((x, i) => (i === 0 ? (x.sign === -1 ? `−${x.text}` : x.text) : `${x.sign === -1 ? ' − ' : ' + '}${x.text}`))
      .join('');
  return { zh: side('zh'), en: side('en') };
}

type KeyPart = string | { name: string; id: boolean; whole: string };
const KEY_TEMPLATES = new Map<string, readonly KeyPart[]>();

/** A key template split once into text and variables. */
function keyParts(template: string): readonly KeyPart[] {
  let parts = KEY_TEMPLATES.get(template);
  if (!parts) {
    const out: KeyPart[] = [];
    const pattern = /\{\$(\w+)(\.id)?\}/g;
    let at = 0;
    for (let m = pattern.exec(template); m; m = pattern.exec(template)) {
      if (m.index > at) out.push(template.slice(at, m.index));
      out.push({ name: m[1] ?? '', id: m[2] !== undefined, whole: m[0] });
      at = m.index + m[0].length;
    }
    if (at < template.length) out.push(template.slice(at));
    parts = out;
    KEY_TEMPLATES.set(template, parts);
  }
  return parts;
}

function keyOf(template: string, scope: Scope): string {
  if (!template.includes('{$')) return template;
  let key = '';
  for (const part of keyParts(template)) {
    if (typeof part === 'string') {
      key += part;
      continue;
    }
    const b = scope.get(part.name);
    key += !b ? part.whole : b.kind === 'row' ? (part.id ? b.id : b.row.key) : b.kind === 'column' ? b.column : b.name;
  }
  return key;
}

/** One formula over one document: a check per binding that applies. Pure; never throws. */
export function evaluateFormula(f: Formula, spec: IdentitySpec, doc: DisclosureDocument, env: EvalEnv): CheckResult[] {
  const ev = new Evaluation(doc, env);
  const results: CheckResult[] = [];
  for (const scope of scopes(f, ev)) {
    if (f.condition && !ev.condition(f.condition, scope)) continue;
    const result = check(f, spec, scope, ev);
    if (result) results.push(result);
  }
  return results;
}

function check(f: Formula, spec: IdentitySpec, scope: Scope, ev: Evaluation): CheckResult | undefined {
  // `a >= b` is `b <= a`.
  const swap = f.op === '>=';
  const left: Part[] = [];
  const right: Part[] = [];
  for (const t of swap ? f.right : f.left) ev.parts(t.operand, t.sign, scope, left);
  for (const t of swap ? f.left : f.right) ev.parts(t.operand, t.sign, scope, right);
  // One pass per side (every check runs this, and most pass): is a figure printed, is a term missing.
  const ls = sideState(left);
  const rs = sideState(right);
  const printed = (ls & PRINTED) !== 0 || (rs & PRINTED) !== 0;
  const lacking = (ls & LACKING) !== 0 || (rs & LACKING) !== 0;
  if (spec.complete && lacking) {
    if (!printed) return undefined;
  } else if (!printed || nothingOf(ls) || nothingOf(rs)) return undefined;
  const key = keyOf(spec.key, scope);
  // Most checks pass and their message is never shown: its values are worked out when first read.
  const message = new LazyMessage(spec, left, right, scope, ev.env);
  if (spec.complete && lacking) return { key, status: 'skipped', relation: 'none', message, reason: MISSING_CELLS, locations: cellsOf(left, right).map(locOf) };
  if ((ls & PRESENT) === 0 || (rs & PRESENT) === 0) {
    const missing = [...left, ...right].find((p) => p.resolved.kind === 'no-row')?.resolved;
    const name = missing?.kind === 'no-row' ? missing.name : '';
    const table = missing?.kind === 'no-row' ? ev.env.tableName(missing.table.key) : { zh: '', en: '' };
    return {
      key,
      status: 'skipped',
      relation: 'none',
      message,
      reason: { zh: `${table.zh}中未找到“${name}”行`, en: `the ${table.en} has no “${name}” row` },
      locations: cellsOf(left, right).map(locOf),
    };
  }
  return interval(f, key, message, left, right);
}

/** A side prints a cell that is not blank. */
const PRINTED = 1;
/** A term of the side is neither a cell nor a number. */
const LACKING = 2;
/** A term of the side is a cell or a number. */
const PRESENT = 4;
/** A row the side names by key is missing. */
const NO_ROW = 8;

/**
 * What one side of a check prints, as flags: a side with a PRESENT term is printed, else one with
 * a missing row (NO_ROW) is skipped, else nothing of it is in the document.
 */
function sideState(parts: readonly Part[]): number {
  let state = 0;
  for (const p of parts) {
    const r = p.resolved;
    if (r.kind === 'cell') {
      state |= PRESENT;
      if (r.cell.kind !== 'blank') state |= PRINTED;
    } else if (p.constant !== undefined) state |= PRESENT;
    else {
      state |= LACKING;
      if (r.kind === 'no-row') state |= NO_ROW;
    }
  }
  return state;
}

/** Nothing of the side is in the document: no term present, no row missing. */
const nothingOf = (state: number): boolean => (state & (PRESENT | NO_ROW)) === 0;

function cellsOf(left: readonly Part[], right: readonly Part[]): Cell[] {
  const out: Cell[] = [];
  for (const p of left) if (p.resolved.kind === 'cell') out.push(p.resolved.cell);
  for (const p of right) if (p.resolved.kind === 'cell') out.push(p.resolved.cell);
  return out;
}

/** The values of a check's message: the standard ones, then the identity's own. */
function messageValues(spec: IdentitySpec, left: Part[], right: Part[], scope: Scope, env: EvalEnv): Record<string, MessageParam> {
  const values: Record<string, MessageParam> = { ...standardParams(left, right, scope, env) };
  for (const [name, value] of Object.entries(spec.params)) values[name] = typeof value === 'object' && 'table' in value ? env.tableName(value.table) : value;
  return values;
}

/** Equal sides (one cell each) or a sum; `≤` is not-exceed. */
function relationOf(f: Formula, left: readonly Part[], right: readonly Part[]): Relation {
  if (f.op !== '=') return 'not-exceed';
  const single = (parts: readonly Part[]) => {
    let n = 0;
    for (const p of parts) if (p.resolved.kind === 'cell' || p.constant !== undefined) n++;
    return n === 1;
  };
  return single(right) && single(left) ? 'equal' : 'sum';
}

/** The integer verdict of a check, or undefined when a cell is not a printed amount or a value is out of range. */
function scaledVerdict(left: readonly Part[], right: readonly Part[], notExceed: boolean): ScaledStatus | undefined {
  const acc = new ScaledCheck();
  for (let side = 0; side < 2; side++) {
    const parts = side === 0 ? left : right;
    const direction = side === 0 ? 1 : -1;
    for (const p of parts) {
      if (p.constant !== undefined) {
        acc.add(direction, p.sign, p.constant);
        continue;
      }
      if (p.resolved.kind !== 'cell') continue;
      const cell = p.resolved.cell;
      if (cell.kind === 'blank') continue;
      if (cell.kind !== 'amount') return undefined;
      acc.add(direction, p.sign, cell.amount.value, cell.amount.half);
    }
  }
  return acc.status(notExceed);
}

const isBlankTotal = (left: readonly Part[]): boolean => {
  let cells = 0;
  for (const p of left) {
    if (p.constant !== undefined) return false;
    if (p.resolved.kind !== 'cell') continue;
    if (p.resolved.cell.kind !== 'blank') return false;
    cells++;
  }
  return cells > 0;
};

/**
 * The interval verdict of a check. A check whose scaled-integer verdict is a pass (nearly all) is
 * returned at once, its numbers, terms and locations worked out with decimal.js only when read
 * (by `explain`); any other check is worked out with decimal.js, whose verdict is the one reported.
 */
function interval(f: Formula, key: string, message: CheckResult['message'], left: Part[], right: Part[]): CheckResult {
  const relation = relationOf(f, left, right);
  if (scaledVerdict(left, right, relation === 'not-exceed') !== 'pass') return exactInterval(key, relation, message, left, right);
  return new PassedCheck(key, relation, message, left, right);
}

/**
 * A check's message whose values are worked out when first read (most checks pass, and their
 * message is never shown). A class rather than an object with a getter: nothing is allocated per
 * check but the object itself.
 */
class LazyMessage {
  readonly id: string;
  #values: Record<string, MessageParam> | undefined;
  readonly #spec: IdentitySpec;
  readonly #left: Part[];
  readonly #right: Part[];
  readonly #scope: Scope;
  readonly #env: EvalEnv;

  constructor(spec: IdentitySpec, left: Part[], right: Part[], scope: Scope, env: EvalEnv) {
    this.id = spec.message;
    this.#spec = spec;
    this.#left = left;
    this.#right = right;
    this.#scope = scope;
    this.#env = env;
  }

  get params(): Record<string, MessageParam> {
    this.#values ??= messageValues(this.#spec, this.#left, this.#right, this.#scope, this.#env);
    return this.#values;
  }
}

/**
 * A check passed on scaled integers: its numbers, terms and locations are worked out with
 * decimal.js only when read (by `explain`). A class, so that a passing check allocates one object.
 */
class PassedCheck implements CheckResult {
  readonly status = 'pass' as const;
  declare readonly actualBlank?: true;
  #full: CheckResult | undefined;
  readonly #left: Part[];
  readonly #right: Part[];

  constructor(
    readonly key: string,
    readonly relation: Relation,
    readonly message: CheckResult['message'],
    left: Part[],
    right: Part[],
  ) {
    this.#left = left;
    this.#right = right;
    if (isBlankTotal(left)) this.actualBlank = true;
  }

  #exact(): CheckResult {
    this.#full ??= exactInterval(this.key, this.relation, this.message, this.#left, this.#right);
    return this.#full;
  }

  get locations(): Location[] {
    return this.#exact().locations;
  }
  get expected(): Dec | string {
    return this.#exact().expected ?? ZERO;
  }
  get actual(): Dec | string {
    return this.#exact().actual ?? ZERO;
  }
  get difference(): Dec {
    return this.#exact().difference ?? ZERO;
  }
  get tolerance(): Dec {
    return this.#exact().tolerance ?? ZERO;
  }
  get terms(): CheckTerm[] {
    return this.#exact().terms ?? [];
  }
}

/** The check worked out with decimal.js: the verdict and every value a finding shows. */
function exactInterval(key: string, relation: Relation, message: CheckResult['message'], left: Part[], right: Part[]): CheckResult {
  const terms: CheckTerm[] = [];
  const locations: Location[] = [];
  let unreadable = false;
  let unplaced = false;
  let tolerance = ZERO;
  const sum = (parts: Part[], role: CheckTerm['role']): Dec => {
    let total = ZERO;
    for (const p of parts) {
      if (p.constant !== undefined) {
        total = p.sign === -1 ? total.minus(p.constant) : total.plus(p.constant);
        continue;
      }
      if (p.resolved.kind !== 'cell') continue;
      const cell = p.resolved.cell;
      const { table, row, column } = p.resolved;
      terms.push({ role, label: `${row ? row.key : table.key} ${column}`, sign: p.sign, cell });
      locations.push(locOf(cell));
      if (cell.kind === 'amount') {
        tolerance = tolerance.plus(cell.amount.half);
        total = p.sign === -1 ? total.minus(cell.amount.value) : total.plus(cell.amount.value);
      } else if (cell.kind === 'invalid') unreadable = true;
      else if (cell.kind === 'unknown') unplaced = true;
    }
    return total;
  };
  const actual = sum(left, 'total');
  const expected = sum(right, 'item');
  if (unreadable || unplaced) return { key, status: 'skipped', relation, message, reason: unreadable ? UNREADABLE : UNPLACED, locations, terms };
  const difference = actual.minus(expected);
  let status: CheckStatus;
  if (relation === 'not-exceed') status = difference.lte(0) ? 'pass' : difference.lte(tolerance) ? 'rounding' : 'fail';
  else status = difference.isZero() ? 'pass' : difference.abs().lte(tolerance) ? 'rounding' : 'fail';
  return {
    key,
    status,
    relation,
    message,
    locations,
    expected,
    actual,
    difference,
    tolerance,
    terms,
    ...(isBlankTotal(left) ? { actualBlank: true } : {}),
  };
}
