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
  /** Whether the text is a number (anything else counts as zero in a sum). */
  number: boolean;
}

const SCALE = 1_000_000;
const NOT_A_NUMBER: Num = { value: 0, half: 0, number: false };
const NUMS = new Map<string, Num>();

/** A cell's text as a number ('' and anything that is not a number are zero). */
export function num(text: string): Num {
  let n = NUMS.get(text);
  if (n === undefined) {
    const parsed = parseNumber(text);
    n = parsed.kind === 'number' ? { value: parsed.value.times(SCALE).round().toNumber(), half: halfUnit(parsed.decimals).times(SCALE).round().toNumber(), number: true } : NOT_A_NUMBER;
    NUMS.set(text, n);
  }
  return n;
}

/** Whether a cell's text is a number, as `parseNumber` reads it (worked out once per text). */
export function isNumberText(text: string): boolean {
  return num(text).number;
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

/** A choice's cells as numbers, worked out once per choice (the sums try each choice many times). */
interface Vector {
  value: number[];
  half: number[];
}

const VECTORS = new WeakMap<Choice, Vector>();

function vectorOf(choice: Choice): Vector {
  let v = VECTORS.get(choice);
  if (v === undefined) {
    const value: number[] = [];
    const half: number[] = [];
    for (const text of choice) {
      const n = num(text);
      value.push(n.value);
      half.push(n.half);
    }
    v = { value, half };
    VECTORS.set(choice, v);
  }
  return v;
}

/** Beyond this magnitude a sum of millionths might not be exact, and no branch is cut. */
const EXACT = 2 ** 52;

/**
 * Visits every combination of one choice per set (the first set's choices outermost), with the
 * combination's column sums and the sum of its halves, added in set order as `adds` does, each
 * partial sum worked out once. `visit` returns false to stop.
 *
 * Only combinations that might add up to one of `targets` whose `wanted` flag is set matter to the
 * caller: a branch whose partial sums, with the least and the most the remaining sets can add, can
 * reach none of them is not walked (when every sum involved is an exact integer, so that the bounds
 * are exact too).
 */
function eachCombination(
  sets: ReadonlyArray<readonly Choice[]>,
  width: number,
  targets: readonly Vector[],
  wanted: readonly boolean[],
  visit: (picked: readonly Choice[], sum: Float64Array, tolerance: Float64Array) => boolean,
): void {
  const depth = sets.length;
  const sums = Array.from({ length: depth + 1 }, () => new Float64Array(width));
  const tolerances = Array.from({ length: depth + 1 }, () => new Float64Array(width));
  const picked: Choice[] = [];
  const vectors = sets.map((set) => set.map(vectorOf));
  // What the sets from d on can add at least and at most, and their halves at most, per column.
  const least = Array.from({ length: depth + 1 }, () => new Float64Array(width));
  const most = Array.from({ length: depth + 1 }, () => new Float64Array(width));
  const mostHalf = Array.from({ length: depth + 1 }, () => new Float64Array(width));
  let magnitude = 0;
  for (const t of targets) for (let c = 0; c < t.value.length; c++) magnitude = Math.max(magnitude, Math.abs(t.value[c] as number) + (t.half[c] as number));
  for (let d = depth - 1; d >= 0; d--) {
    const lo = least[d] as Float64Array;
    const hi = most[d] as Float64Array;
    const hh = mostHalf[d] as Float64Array;
    const setVectors = vectors[d] ?? [];
    for (let c = 0; c < width; c++) {
      let min = Infinity;
      let max = -Infinity;
      let half = 0;
      for (const v of setVectors) {
        const x = c < v.value.length ? (v.value[c] as number) : 0;
        const h = c < v.half.length ? (v.half[c] as number) : 0;
        if (x < min) min = x;
        if (x > max) max = x;
        if (h > half) half = h;
      }
      if (setVectors.length === 0) min = max = 0;
      lo[c] = (least[d + 1] as Float64Array)[c] as number + min;
      hi[c] = (most[d + 1] as Float64Array)[c] as number + max;
      hh[c] = (mostHalf[d + 1] as Float64Array)[c] as number + half;
      magnitude = Math.max(magnitude, Math.abs(lo[c] as number), Math.abs(hi[c] as number), hh[c] as number);
    }
  }
  const prune = magnitude * 4 < EXACT;
  /** Whether some wanted target can still be reached from the partial sums at depth d. */
  const reachable = (d: number): boolean => {
    const from = sums[d] as Float64Array;
    const fromTolerance = tolerances[d] as Float64Array;
    const lo = least[d] as Float64Array;
    const hi = most[d] as Float64Array;
    const hh = mostHalf[d] as Float64Array;
    outer: for (let n = 0; n < targets.length; n++) {
      if (!wanted[n]) continue;
      const t = targets[n] as Vector;
      for (let c = 0; c < t.value.length && c < width; c++) {
        const slack = (t.half[c] as number) + (fromTolerance[c] as number) + (hh[c] as number);
        const p = t.value[c] as number;
        if ((from[c] as number) + (lo[c] as number) - p > slack || p - ((from[c] as number) + (hi[c] as number)) > slack) continue outer;
      }
      return true;
    }
    return false;
  };
  const walk = (d: number): boolean => {
    const from = sums[d] as Float64Array;
    const fromTolerance = tolerances[d] as Float64Array;
    if (d === depth) return visit(picked, from, fromTolerance);
    if (prune && !reachable(d)) return true;
    const to = sums[d + 1] as Float64Array;
    const toTolerance = tolerances[d + 1] as Float64Array;
    const set = sets[d] ?? [];
    const setVectors = vectors[d] ?? [];
    for (let k = 0; k < set.length; k++) {
      const choice = set[k] as Choice;
      const v = setVectors[k] as Vector;
      const n = Math.min(width, v.value.length);
      for (let c = 0; c < n; c++) {
        to[c] = (from[c] as number) + (v.value[c] as number);
        toTolerance[c] = (fromTolerance[c] as number) + (v.half[c] as number);
      }
      for (let c = n; c < width; c++) {
        to[c] = from[c] as number;
        toTolerance[c] = fromTolerance[c] as number;
      }
      picked[d] = choice;
      if (!walk(d + 1)) return false;
    }
    return true;
  };
  walk(0);
}

/** `adds(parent, children)`, given the parent's vector, the children's column sums and the sum of their halves. */
function addsTo(p: Vector, sum: Float64Array, tolerance: Float64Array): boolean {
  for (let c = 0; c < p.value.length; c++) {
    if (!(Math.abs((sum[c] as number) - (p.value[c] as number)) <= (p.half[c] as number) + (tolerance[c] as number))) return false;
  }
  return true;
}

/** A choice's cells as one string, worked out once per choice (two choices with the same cells are the same). */
const KEYS = new WeakMap<Choice, string>();

function keyOf(choice: Choice): string {
  let key = KEYS.get(choice);
  if (key === undefined) {
    key = choice.join('\u0000');
    KEYS.set(choice, key);
  }
  return key;
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
  // The columns a row's choices have (the sums compare a parent's columns only).
  const widthOf = (choices: readonly Choice[]): number => choices.reduce((w, p) => Math.max(w, p.length), 0);
  const constrained: boolean[] = rows.map(() => false);
  let failed: number | undefined;
  for (const i of order) {
    const own = domains[i];
    if (own === null || own === undefined) continue;
    if (!usable(i)) {
      up[i] = own;
      continue;
    }
    const kids = children[i] ?? [];
    let count = 1;
    for (const k of kids) count *= up[k]?.length ?? 0;
    if (count > MAX_COMBINATIONS) {
      up[i] = own;
      continue;
    }
    constrained[i] = true;
    // A choice is kept when some combination of its children's choices adds up to it.
    const matched = own.map(() => false);
    const ownVectors = own.map(vectorOf);
    const wanted = own.map(() => true);
    let left = own.length;
    eachCombination(
      kids.map((k) => up[k] ?? []),
      widthOf(own),
      ownVectors,
      wanted,
      (_, sum, tolerance) => {
        for (let n = 0; n < ownVectors.length; n++) {
          if (!matched[n] && addsTo(ownVectors[n] as Vector, sum, tolerance)) {
            matched[n] = true;
            wanted[n] = false;
            left--;
          }
        }
        return left > 0;
      },
    );
    up[i] = own.filter((_, n) => matched[n]);
    if (failed === undefined && own.length > 0 && up[i]?.length === 0) failed = i;
  }

  // Down: a child's choices that some kept choice of its parent uses.
  const kept: Array<Choice[] | null> = [...up];
  for (const i of [...order].reverse()) {
    const mine = kept[i];
    if (!constrained[i] || !mine) continue;
    const kids = children[i] ?? [];
    const usedBy = kids.map(() => new Set<string>());
    const mineVectors = mine.map(vectorOf);
    // The children's kept choices are still those of the up pass here: each row has one parent.
    eachCombination(
      kids.map((k) => kept[k] ?? []),
      widthOf(mine),
      mineVectors,
      mineVectors.map(() => true),
      (picked, sum, tolerance) => {
        if (mineVectors.some((p) => addsTo(p, sum, tolerance))) picked.forEach((c, n) => usedBy[n]?.add(keyOf(c)));
        return true;
      },
    );
    kids.forEach((k, n) => {
      kept[k] = (kept[k] ?? []).filter((c) => usedBy[n]?.has(keyOf(c)));
    });
  }
  return failed === undefined ? { kept } : { kept, failed };
}
