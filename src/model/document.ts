import type { Location } from './location.js';
import type { Dec } from './number.js';

/**
 * The nine tables of the MoF 部门决算, by what they are (never by their number, which differs by
 * region). Other families (templates/catalog) add tables of their own.
 */
export const TABLE_KEYS = [
  'income-expense',
  'income',
  'expense',
  'fiscal-income-expense',
  'general-budget-expense',
  'general-budget-basic',
  'gov-fund',
  'state-capital',
  'three-public',
] as const;
/** A table of the catalog, by key: one of TABLE_KEYS or a key another family defines. */
export type TableKey = string;

export type Unit = '万元' | '元';

/**
 * A printed amount. `value` and `half` are in 万元 whatever the table's unit, so amounts from
 * different tables compare directly; `half` is half of the last printed digit (the rounding radius).
 */
export interface Amount {
  value: Dec;
  half: Dec;
  /** The cell text exactly as printed. */
  text: string;
  loc: Location;
}

/**
 * A cell of an amount column: a number, an empty cell (not a zero), text that is not a number, or
 * a cell the source does not show with certainty (a value may stand there, but the text lost which
 * column it is in): checks that need an unknown cell are skipped, never failed.
 */
export type Cell =
  | { kind: 'amount'; amount: Amount }
  | { kind: 'blank'; loc: Location }
  | { kind: 'invalid'; text: string; loc: Location }
  | { kind: 'unknown'; loc: Location };

export type RowLevel = 'total' | 'class' | 'section' | 'item' | 'line';
export type Side = 'income' | 'expense';

export interface Row {
  /** A 科目 code (`2080102`), `total`, or an item key from the table's template (`total-income`). */
  key: string;
  /** The row label as printed (科目名称 or 项目). */
  label: string;
  code?: string;
  level: RowLevel;
  /** For the two-sided tables (收入 | 支出): which side the row is on. */
  side?: Side;
  loc: Location;
  cells: Record<string, Cell>;
}

export interface Column {
  key: string;
  /** Header text as printed (joined over the header rows). */
  label: string;
  side?: Side;
}

export interface TextLine {
  text: string;
  loc: Location;
}

export interface Table {
  key: TableKey;
  title: string;
  titleLoc: Location;
  unit: Unit;
  unitLoc?: Location;
  columns: Column[];
  rows: Row[];
  /** Notes printed under the table (注：…, 本单位没有…). */
  notes: TextLine[];
  /** True when no amount cell holds a number: the table is published but has no data. */
  empty: boolean;
  /** general-budget-basic: which economic classes the document lists under 人员经费 and 公用经费. */
  groups?: { personnel: string[]; public: string[] };
}

/** Something the loader could not read cleanly; rules turn these into findings. */
export interface LoadIssue {
  code:
    | 'cell-unreadable'
    | 'cells-missing'
    | 'cells-unplaced'
    | 'cells-unknown'
    | 'row-unrecognised'
    | 'column-unrecognised'
    | 'duplicate-row'
    /** A 合计 row printed twice (top and bottom) whose copies differ. */
    | 'total-copy-differs'
    /** Values whose columns the source did not show, placed by the table's identities (the order taken). */
    | 'columns-chosen'
    /** A row whose printed values admit no placement in its columns under which the table's sums hold. */
    | 'placement-inconsistent'
    /** A row recognised although its printed name differs from the standard one by a misprint. */
    | 'row-name-differs'
    | 'unit-missing'
    | 'unit-mixed'
    | 'table-duplicate'
    | 'table-unparsed'
    /** Bytes that are not valid in the file's encoding (read anyway, each sequence as U+FFFD). */
    | 'invalid-bytes';
  loc: Location;
  /** Values for the message (strings only: printed text, labels, counts). */
  params: Record<string, string>;
}

export interface DocumentMeta {
  department?: { name: string; loc: Location };
  year?: { value: number; loc: Location };
}

/** One disclosure: the tables found, the narrative, and what could not be read. */
export interface DisclosureDocument extends DocumentMeta {
  /** The path given on the command line or found while searching a folder. */
  source: string;
  format: 'text' | 'csv-folder' | 'xlsx' | 'pdf';
  files: string[];
  unit: Unit;
  tables: Record<TableKey, Table>;
  /** Every line of text outside the tables: 情况说明, 名词解释, 绩效 attachments. */
  narrative: TextLine[];
  issues: LoadIssue[];
}

export function cellAmount(cell: Cell | undefined): Amount | undefined {
  return cell?.kind === 'amount' ? cell.amount : undefined;
}
