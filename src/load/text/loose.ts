import { adds, isNumberText, num, propagate, type Choice } from './arithmetic.js';

/**
 * Rows of a coded table whose text lost the empty cells and printed some values of a tall row on a
 * line of their own, above or under the row's line (the 支出决算表 of a plain extraction prints
 * 合计's 基本支出 and 项目支出 over it, a 项's 基本支出 between it and the row before). Each such
 * line belongs to the row above or the row under it; the values of a row, its own line's and those
 * lines', keep their printed order within each line but not across lines. Every way of giving the
 * lines to rows and of putting each row's values in its columns is kept only when the row adds up
 * (合计 = Σ its parts) and the column sums hold (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, every column,
 * the row totals included); a cell is placed when every consistent way gives it the same content.
 * A row whose printed values admit no consistent placement is reported, never guessed.
 */

/** One row: its code (undefined for 合计) and the values on its own line, or null when they are not known for certain. */
export interface LooseRow {
  code?: string;
  own: readonly string[] | null;
  /** Every column's value as another table printed it ('' for empty): only choices matching it are kept, when some do. */
  known?: readonly string[];
  /** Every column's least value ('' for none), from a table of part of the same money: only choices above it are kept, when some are. */
  floor?: readonly string[];
}

/** Values on a line of their own, between row `above` and the row after it (-1: before the first row). */
export interface LooseLine {
  above: number;
  values: readonly string[];
}

/** A row's cells where every consistent placement agrees; `unknown` lists the columns where they do not. */
export interface LoosePlacement {
  cells: string[];
  unknown: number[];
  /** Printed values whose column is not settled. */
  unplaced: string[];
}

export interface LooseResult {
  /** Per row: undefined when the row took no part (its own line not known for certain). */
  rows: Array<LoosePlacement | undefined>;
  /** Rows whose printed values admit no placement consistent with the row and column sums. */
  inconsistent: number[];
  /** For each line, the row it belongs to in every consistent placement (undefined: not settled). */
  owners: Array<number | undefined>;
}

/** Beyond this many ways of giving the lines of their own to rows, none is tried (the rows by them stay unknown). */
const MAX_WAYS = 256;
/** Rows reported as admitting no placement, at most, before the table is left unknown. */
const MAX_INCONSISTENT = 5;
/** A row with more ways of placing its values than this is left unknown. */
const MAX_CHOICES = 5_000;

/** Every way of putting the values of `sequences` in `columns` cells, each sequence in order. */
export function interleavings(sequences: ReadonlyArray<readonly string[]>, columns: number): Choice[] | undefined {
  const total = sequences.reduce((n, s) => n + s.length, 0);
  if (total > columns) return [];
  const out: Choice[] = [];
  const at = sequences.map(() => 0);
  const cells = new Array<string>(columns).fill('');
  const walk = (c: number, left: number): boolean => {
    if (left === 0) {
      out.push([...cells]);
      return out.length <= MAX_CHOICES;
    }
    if (columns - c < left) return true;
    // The column left empty, or the next value of one of the sequences in it.
    if (!walk(c + 1, left)) return false;
    for (let s = 0; s < sequences.length; s++) {
      const seq = sequences[s] ?? [];
      const k = at[s] ?? 0;
      if (k >= seq.length) continue;
      cells[c] = seq[k] ?? '';
      at[s] = k + 1;
      const ok = walk(c + 1, left - 1);
      at[s] = k;
      cells[c] = '';
      if (!ok) return false;
    }
    return true;
  };
  return walk(0, total) ? out : undefined;
}

/** Whether a row's first cell is the sum of the others (within rounding), printed whenever any other is. */
function rowAdds(choice: Choice): boolean {
  const [total = '', ...parts] = choice;
  if (total === '') return parts.every((p) => p === '');
  if (!isNumberText(total) || parts.some((p) => p !== '' && !isNumberText(p))) return false;
  return adds([total], parts.map((p) => [p]));
}

/** The choices of one row that add up, given the lines it takes; undefined when there are too many to try. */
function rowChoices(row: LooseRow, lines: ReadonlyArray<readonly string[]>, columns: number): Choice[] | undefined {
  const all = interleavings([row.own ?? [], ...lines], columns);
  if (!all) return undefined;
  const adding = all.filter(rowAdds);
  const floor = row.floor;
  const above = floor && floor.length === columns ? adding.filter((choice) => atLeast(choice, floor)) : adding;
  const bounded = above.length > 0 ? above : adding;
  const known = row.known;
  if (!known || known.length !== columns) return bounded;
  const matching = bounded.filter((choice) => adds(choice, [known]));
  return matching.length > 0 ? matching : bounded;
}

/** Whether each cell of a choice is at least its floor, within the rounding of both. */
function atLeast(choice: Choice, floor: readonly string[]): boolean {
  return floor.every((text, c) => {
    if (text === '' || !isNumberText(text)) return true;
    const cell = choice[c] ?? '';
    if (cell === '' || !isNumberText(cell)) return false;
    const f = num(text);
    if (f.value <= 0) return true;
    const v = num(cell);
    return v.value + v.half + f.half >= f.value;
  });
}

interface Solved {
  kept: Array<Choice[] | null>;
  failed?: number;
  /** Rows with no choice that adds up, whatever lines they take. */
  empty: number[];
}

/** The rows' choices under one way of giving the loose lines to rows. */
function solve(rows: readonly LooseRow[], lines: readonly LooseLine[], owner: readonly number[], columns: number, dropped: ReadonlySet<number>, memo: Map<string, Choice[] | undefined>): Solved {
  const empty: number[] = [];
  const domains = rows.map((row, i): Choice[] | null => {
    if (row.own === null || dropped.has(i)) return null;
    const taking = lines.flatMap((_, k) => (owner[k] === i ? [k] : []));
    // A row's choices depend only on the lines it takes: the same few sets recur across the ways.
    const key = `${i}:${taking.join(',')}`;
    if (!memo.has(key)) memo.set(key, rowChoices(row, taking.map((k) => lines[k]?.values ?? []), columns));
    const choices = memo.get(key);
    if (choices === undefined) return null;
    if (choices.length === 0) empty.push(i);
    return choices;
  });
  if (empty.length > 0) return { kept: domains, empty };
  const { kept, failed } = propagate(rows, domains);
  return failed === undefined ? { kept, empty } : { kept, failed, empty };
}

/** The rows a line may belong to: the row above and the row under it (when they take part). */
function candidates(rows: readonly LooseRow[], line: LooseLine): number[] {
  return [line.above, line.above + 1].filter((i) => i >= 0 && i < rows.length && rows[i]?.own !== null);
}

/** Places the rows and their loose lines; see the module comment. */
export function placeLoose(rows: readonly LooseRow[], lines: readonly LooseLine[], columns: number): LooseResult {
  // A line next to a row that takes no part cannot be given to a row for certain: the rows by it take no part either.
  const tooMany = lines.reduce((ways, l) => ways * Math.max(1, candidates(rows, l).length), 1) > MAX_WAYS;
  const blocked = new Set<number>();
  for (const line of lines) {
    const near = [line.above, line.above + 1].filter((i) => i >= 0 && i < rows.length);
    if (tooMany || near.some((i) => rows[i]?.own === null)) near.forEach((i) => blocked.add(i));
  }
  const taking = rows.map((r, i) => (blocked.has(i) ? { ...r, own: null } : r));
  const free = tooMany ? [] : lines.filter((l) => candidates(taking, l).length > 0 && [l.above, l.above + 1].every((i) => !blocked.has(i)));
  const ways = assignments(taking, free);

  const dropped = new Set<number>();
  const inconsistent: number[] = [];
  const memo = new Map<string, Choice[] | undefined>();
  for (let round = 0; round <= MAX_INCONSISTENT; round++) {
    const solutions = ways.map((owner) => ({ owner, solved: solve(taking, free, owner, columns, dropped, memo) }));
    const consistent = solutions.filter((s) => s.solved.empty.length === 0 && s.solved.failed === undefined && s.solved.kept.every((k) => k === null || k.length > 0));
    if (consistent.length > 0 || ways.length === 0) return result(taking, free, lines, consistent, columns, inconsistent);
    // No way holds: the row that fails under most ways is reported and takes no further part.
    const blame = new Map<number, number>();
    for (const s of solutions) for (const i of s.solved.empty.length > 0 ? s.solved.empty : s.solved.failed !== undefined ? [s.solved.failed] : []) blame.set(i, (blame.get(i) ?? 0) + 1);
    const [culprit] = [...blame.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
    if (culprit === undefined) break;
    dropped.add(culprit);
    inconsistent.push(culprit);
  }
  // More rows than that fail: a misreading explains it better than misprints; nothing is placed or reported.
  return { rows: rows.map(() => undefined), inconsistent: [], owners: lines.map(() => undefined) };
}

/** Every way of giving each line to one of its candidate rows. */
function assignments(rows: readonly LooseRow[], lines: readonly LooseLine[]): number[][] {
  let out: number[][] = [[]];
  for (const line of lines) {
    const near = candidates(rows, line);
    out = out.flatMap((prefix) => near.map((i) => [...prefix, i]));
  }
  return out;
}

function result(
  rows: readonly LooseRow[],
  free: readonly LooseLine[],
  lines: readonly LooseLine[],
  consistent: ReadonlyArray<{ owner: readonly number[]; solved: Solved }>,
  columns: number,
  inconsistent: readonly number[],
): LooseResult {
  const out = rows.map((row, i): LoosePlacement | undefined => {
    if (row.own === null || inconsistent.includes(i)) return undefined;
    const choices = consistent.flatMap((s) => s.solved.kept[i] ?? []);
    if (choices.length === 0) return undefined;
    const cells: string[] = [];
    const unknown: number[] = [];
    for (let c = 0; c < columns; c++) {
      const seen = new Set(choices.map((ch) => ch[c] ?? ''));
      if (seen.size === 1) cells.push([...seen][0] ?? '');
      else {
        cells.push('');
        unknown.push(c);
      }
    }
    const [first] = choices;
    const unplaced = unknown.map((c) => first?.[c] ?? '').filter((v) => v !== '');
    return { cells, unknown, unplaced };
  });
  const owners = lines.map((line) => {
    const k = free.indexOf(line);
    if (k < 0) return undefined;
    const seen = new Set(consistent.map((s) => s.owner[k]));
    return seen.size === 1 ? [...seen][0] : undefined;
  });
  return { rows: out, inconsistent: [...inconsistent], owners };
}
