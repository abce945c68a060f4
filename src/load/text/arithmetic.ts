import { halfUnit, parseNumber } from '../../model/number.js';

/**
 * The column sums of a coded table (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column) over rows
 * whose cells are not all known: each row has a set of choices (the text of each column), and a
 * choice is kept only when the rows above and under it can be chosen so that every sum holds
 * (loose.ts builds the choices from what a plain text prints).
 */

/** A choice for a row: the text of each of its columns ('' for an empty cell). */
export type Choice = readonly string[];

/** Beyond this many combinations of children, a sum is not used (it constrains nothing then). */
const MAX_COMBINATIONS = 20_000;

/**
 * A printed value and half its last digit, in millionths as exact integers (far below 2^53 for
 * any amount a table prints): the sums are tried many thousand times, decimals would be too slow.
 */
export interface Num {
  value: number;
  half: number;
}

const SCALE = 1_000_000;
const ZERO: Num = { value: 0, half: 0 };
const NUMS = new Map<string, Num>();

/** A cell's text as a number ('' and anything that is not a number are zero). */
export function num(text: string): Num {
  let n = NUMS.get(text);
  if (n === undefined) {
    const parsed = parseNumber(text);
    n = parsed.kind === 'number' ? { value: parsed.value.times(SCALE).round().toNumber(), half: halfUnit(parsed.decimals).times(SCALE).round().toNumber() } : ZERO;
    NUMS.set(text, n);
  }
  return n;
}

/** Whether the children's choices add up to the parent's in every column, within rounding. */
export function adds(parent: Choice, children: readonly Choice[]): boolean {
  return parent.every((text, c) => {
    const p = num(text);
    let sum = 0;
    let tolerance = p.half;
    for (const child of children) {
      const v = num(child[c] ?? '');
      sum += v.value;
      tolerance += v.half;
    }
    return Math.abs(sum - p.value) <= tolerance;
  });
}

/** The parent of each row: the nearest row whose code is a prefix of its own, or 合计 for a 类. */
function parents(rows: ReadonlyArray<{ code?: string }>): Array<number | undefined> {
  const total = rows.findIndex((r) => r.code === undefined);
  return rows.map((r) => {
    if (r.code === undefined) return undefined;
    let best: number | undefined;
    rows.forEach((q, j) => {
      if (q.code !== undefined && q.code.length < (r.code?.length ?? 0) && r.code?.startsWith(q.code) && (best === undefined || q.code.length > (rows[best]?.code?.length ?? 0))) best = j;
    });
    return best ?? (total >= 0 ? total : undefined);
  });
}

/** What the column sums leave of each row's choices. */
export interface Propagated {
  /** The choices of each row that some choice of every other row completes (null: takes no part). */
  kept: Array<Choice[] | null>;
  /** The first row whose choices no choice of its children adds up to, when there is one. */
  failed?: number;
}

/**
 * Keeps, of each row's choices, those the column sums allow: up the tree (a row's choices that its
 * children's choices add up to), then down (a child's choices that a kept choice of its parent
 * uses). A row with no choices (null) takes no part, nor do the sums it is in.
 */
export function propagate(rows: ReadonlyArray<{ code?: string }>, domains: ReadonlyArray<Choice[] | null>): Propagated {
  const parentOf = parents(rows);
  const children = rows.map((_, i) => rows.flatMap((__, j) => (parentOf[j] === i ? [j] : [])));
  const usable = (i: number): boolean => {
    const kids = children[i] ?? [];
    return domains[i] !== null && kids.length > 0 && kids.every((k) => domains[k] !== null);
  };

  // Up: the choices of a row its children can add up to.
  const up: Array<Choice[] | null> = rows.map(() => null);
  const order = [...rows.keys()].sort((a, b) => (rows[b]?.code?.length ?? 0) - (rows[a]?.code?.length ?? 0) || (rows[a]?.code === undefined ? 1 : 0) - (rows[b]?.code === undefined ? 1 : 0));
  const combos = (kids: readonly number[], sets: ReadonlyArray<Choice[] | null>): Choice[][] | undefined => {
    let count = 1;
    for (const k of kids) count *= sets[k]?.length ?? 0;
    if (count > MAX_COMBINATIONS) return undefined;
    let out: Choice[][] = [[]];
    for (const k of kids) out = out.flatMap((prefix) => (sets[k] ?? []).map((c) => [...prefix, c]));
    return out;
  };
  const constrained: boolean[] = rows.map(() => false);
  let failed: number | undefined;
  const kidCombos: Array<Choice[][] | undefined> = rows.map(() => undefined);
  for (const i of order) {
    const own = domains[i];
    if (own === null || own === undefined) continue;
    if (!usable(i)) {
      up[i] = own;
      continue;
    }
    const all = combos(children[i] ?? [], up);
    if (!all) {
      up[i] = own;
      continue;
    }
    constrained[i] = true;
    kidCombos[i] = all;
    up[i] = own.filter((p) => all.some((combo) => adds(p, combo)));
    if (failed === undefined && own.length > 0 && up[i]?.length === 0) failed = i;
  }

  // Down: a child's choices that some kept choice of its parent uses.
  const kept: Array<Choice[] | null> = [...up];
  for (const i of [...order].reverse()) {
    const mine = kept[i];
    if (!constrained[i] || !mine) continue;
    const kids = children[i] ?? [];
    const usedBy = kids.map(() => new Set<string>());
    for (const combo of kidCombos[i] ?? []) {
      if (!combo.every((c, n) => kept[kids[n] ?? -1]?.includes(c))) continue;
      if (!mine.some((p) => adds(p, combo))) continue;
      combo.forEach((c, n) => usedBy[n]?.add(c.join('\u0000')));
    }
    kids.forEach((k, n) => {
      kept[k] = (kept[k] ?? []).filter((c) => usedBy[n]?.has(c.join('\u0000')));
    });
  }
  return failed === undefined ? { kept } : { kept, failed };
}
