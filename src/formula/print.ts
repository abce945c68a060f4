import type { CellRef, ColumnRef, Condition, Domain, Filter, Formula, Name, Operand, RowRef, RowSet, Term } from './ast.js';
import { KEYWORDS } from './parse.js';

const PLAIN = /^[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:[-:][A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)*$/;

/** A name as a bare word when it reads back as the same word, else quoted. */
export function printName(name: Name): string {
  if (PLAIN.test(name) && !KEYWORDS.has(name) && !/^\d+\.\d+$/.test(name)) return name;
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const row = (r: RowRef): string => (r.kind === 'var' ? `$${r.name}` : printName(r.name));
const column = (c: ColumnRef): string => (c.kind === 'var' ? `$${c.name}` : printName(c.name));
const filters = (fs: readonly Filter[]): string => fs.map((f) => `${printName(f.field)}=${printName(f.value)}`).join(' & ');

function rowSet(set: RowSet): string {
  switch (set.kind) {
    case 'children':
      return `children($${set.of.name})`;
    case 'group':
      return `group(${printName(set.group)})`;
    case 'list':
      return `{${set.rows.map(row).join(', ')}}`;
    case 'filter':
      return set.filters.length === 0 ? '*' : filters(set.filters);
    default: {
      const never: never = set;
      return never;
    }
  }
}

const cell = (c: CellRef): string => `${printName(c.table)}[${row(c.row)}].${column(c.column)}`;

function operand(o: Operand): string {
  switch (o.kind) {
    case 'cell':
      return cell(o);
    case 'sum':
      return `sum(${printName(o.table)}[${rowSet(o.rows)}].${column(o.column)})`;
    case 'number':
      return o.text;
    default: {
      const never: never = o;
      return never;
    }
  }
}

function side(terms: readonly Term[]): string {
  return terms.map((t, i) => (i === 0 ? (t.sign === -1 ? `-${operand(t.operand)}` : operand(t.operand)) : `${t.sign === -1 ? ' - ' : ' + '}${operand(t.operand)}`)).join('');
}

function domain(d: Domain): string {
  switch (d.kind) {
    case 'columns':
      return `columns(${printName(d.table)})`;
    case 'list':
      return `{${d.values.map(printName).join(', ')}}`;
    case 'rows':
      return d.sources.map((s) => `rows(${printName(s.table)}${s.filters.length > 0 ? `, ${filters(s.filters)}` : ''})`).join(' | ');
    default: {
      const never: never = d;
      return never;
    }
  }
}

type Place = 'top' | 'or-left' | 'or-right' | 'and-left' | 'and-right' | 'not';

/** Conditions print with the brackets the parser needs: `and` binds tighter than `or`, both group to the left. */
function condition(c: Condition, place: Place = 'top'): string {
  switch (c.kind) {
    case 'present':
    case 'absent':
      return `${c.kind}(${cell(c.ref)})`;
    case 'not':
      return `not ${condition(c.condition, 'not')}`;
    case 'and':
    case 'or': {
      const text = `${condition(c.left, `${c.kind}-left`)} ${c.kind} ${condition(c.right, `${c.kind}-right`)}`;
      const bracket = c.kind === 'or' ? place !== 'top' && place !== 'or-left' : place === 'and-right' || place === 'not';
      return bracket ? `(${text})` : text;
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** The canonical text of a formula: parsing it gives the same formula back. */
export function printFormula(f: Formula): string {
  let text = `${side(f.left)} ${f.op} ${side(f.right)}`;
  if (f.bindings.length > 0) text += ` for ${f.bindings.map((b) => `$${b.variable.name} in ${domain(b.domain)}`).join(', ')}`;
  if (f.condition) text += ` if ${condition(f.condition)}`;
  return text;
}
