/*
 * Spreading an array into a call (`push(...rows)`, `Math.max(...widths)`) passes each element as
 * an argument, and a few hundred thousand of them overflow the stack: a 200,000-row sheet or a
 * 130,000-line narrative did. Inputs have no size the code may count on, so the loader uses these.
 */

/** Appends every item to the target, one by one. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The largest of the values, or `floor` when there is none larger. */
export function largest(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of the values, or `ceiling` when there is none smaller. */
export function smallest(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** The widest row's cell count. */
export const widest = (rows: Iterable<{ cells: readonly unknown[] }>, floor = 0): number => {
  let max = floor;
  for (const r of rows) if (r.cells.length > max) max = r.cells.length;
  return max;
};
