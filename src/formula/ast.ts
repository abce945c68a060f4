/**
 * The formula language of identities (审核公式): what the parser produces and the printer and the
 * evaluator read. Names are kept as written; `compile` resolves them against a template catalog.
 * See docs/formulas.md for the grammar and its meaning.
 */

/**
 * A name as written: a bare word (`income`, `收入决算表`, `2080102`) or the text of a quoted string
 * (`"财政拨款“三公”经费支出决算表"`); the printer quotes whatever is not a plain word.
 */
export type Name = string;

/** A row variable such as `$r`, bound by a `for` clause. */
export interface Var {
  kind: 'var';
  name: string;
}

/** One row: a key, a 科目 code, a printed label, or a bound variable. */
export type RowRef = { kind: 'name'; name: Name } | Var;

/** A column: its key or printed name, or a bound column variable. */
export type ColumnRef = { kind: 'name'; name: Name } | Var;

/** A filter on rows: `level=class`, `side=expense`, joined by `&`. */
export interface Filter {
  field: string;
  value: string;
}

/** Which rows a `sum(...)` adds up. */
export type RowSet =
  | { kind: 'children'; of: Var }
  | { kind: 'list'; rows: RowRef[] }
  | { kind: 'filter'; filters: Filter[] }
  | { kind: 'group'; group: string };

export interface CellRef {
  kind: 'cell';
  table: Name;
  row: RowRef;
  column: ColumnRef;
}

export interface SumRef {
  kind: 'sum';
  table: Name;
  rows: RowSet;
  column: ColumnRef;
}

export interface NumberLit {
  kind: 'number';
  /** The literal as written (decimal digits, optional fraction): exact, never a float. */
  text: string;
}

export type Operand = CellRef | SumRef | NumberLit;

export interface Term {
  sign: 1 | -1;
  operand: Operand;
}

export type RelOp = '=' | '<=' | '>=';

/** Where a variable takes its values. */
export type Domain =
  | { kind: 'rows'; sources: Array<{ table: Name; filters: Filter[] }> }
  | { kind: 'columns'; table: Name }
  | { kind: 'list'; values: Name[] };

export interface Binding {
  variable: Var;
  domain: Domain;
}

export type Condition =
  | { kind: 'present' | 'absent'; ref: CellRef }
  | { kind: 'not'; condition: Condition }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

/** `left op right [for bindings] [if condition]`. */
export interface Formula {
  left: Term[];
  op: RelOp;
  right: Term[];
  bindings: Binding[];
  condition?: Condition;
}
