import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adds, propagate, type Choice } from '../../src/load/text/arithmetic.js';

// The column sums of a plain text table are propagated with shared partial sums and branches cut
// by bounds: on any tree of rows and choices they must keep exactly what trying every combination
// of the children's choices against every parent choice keeps, in the same order.

const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 500), 20000);

type Row = { code?: string };

/** The plain algorithm: every combination built, every parent choice tried with `adds`. */
function reference(rows: readonly Row[], domains: ReadonlyArray<Choice[] | null>): { kept: Array<Choice[] | null>; failed?: number } {
  const parentOf = rows.map((r) => {
    if (r.code === undefined) return undefined;
    let best: number | undefined;
    rows.forEach((q, j) => {
      if (q.code !== undefined && q.code.length < (r.code?.length ?? 0) && r.code?.startsWith(q.code) && (best === undefined || q.code.length > (rows[best]?.code?.length ?? 0))) best = j;
    });
    const total = rows.findIndex((x) => x.code === undefined);
    return best ?? (total >= 0 ? total : undefined);
  });
  const children = rows.map((_, i) => rows.flatMap((__, j) => (parentOf[j] === i ? [j] : [])));
  const usable = (i: number): boolean => domains[i] !== null && (children[i] ?? []).length > 0 && (children[i] ?? []).every((k) => domains[k] !== null);
  const order = [...rows.keys()].sort((a, b) => (rows[b]?.code?.length ?? 0) - (rows[a]?.code?.length ?? 0) || (rows[a]?.code === undefined ? 1 : 0) - (rows[b]?.code === undefined ? 1 : 0));
  const up: Array<Choice[] | null> = rows.map(() => null);
  const combos: Array<Choice[][] | undefined> = rows.map(() => undefined);
  let failed: number | undefined;
  for (const i of order) {
    const own = domains[i];
    if (own === null || own === undefined) continue;
    if (!usable(i)) {
      up[i] = own;
      continue;
    }
    let all: Choice[][] = [[]];
    for (const k of children[i] ?? []) all = all.flatMap((prefix) => (up[k] ?? []).map((c) => [...prefix, c]));
    if (all.length > 20_000) {
      up[i] = own;
      continue;
    }
    combos[i] = all;
    up[i] = own.filter((p) => all.some((combo) => adds(p, combo)));
    if (failed === undefined && own.length > 0 && up[i]?.length === 0) failed = i;
  }
  const kept = [...up];
  for (const i of [...order].reverse()) {
    const mine = kept[i];
    const all = combos[i];
    if (!all || !mine) continue;
    const kids = children[i] ?? [];
    const used = kids.map(() => new Set<string>());
    for (const combo of all) {
      if (!combo.every((c, n) => kept[kids[n] ?? -1]?.includes(c))) continue;
      if (!mine.some((p) => adds(p, combo))) continue;
      combo.forEach((c, n) => used[n]?.add(c.join('\u0000')));
    }
    kids.forEach((k, n) => {
      kept[k] = (kept[k] ?? []).filter((c) => used[n]?.has(c.join('\u0000')));
    });
  }
  return failed === undefined ? { kept } : { kept, failed };
}

const WIDTH = 3;
/** Values as a plain text prints them: amounts with 0–2 decimals, blanks, and now and then not a number. */
const cellText = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50, max: 400 }).map((n) => (n / 10).toFixed(1)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `${n}.00`) },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('-', '12.345', '0') },
);

/** The true cells with one of them off by a few hundredths: around the rounding bounds. */
const nudged = (truth: string[]): fc.Arbitrary<Choice> =>
  fc.tuple(fc.nat(WIDTH - 1), fc.integer({ min: -12, max: 12 }), fc.boolean()).map(([at, delta, twoDecimals]) =>
    truth.map((t, c) => (c === at && t !== '' ? (Number(t) + delta / 100).toFixed(twoDecimals ? 2 : 1) : t)),
  );

/** A row's true cells, and the other ways a lost layout might put its values (moved, dropped, misread). */
const domainOf = (truth: string[]): fc.Arbitrary<Choice[] | null> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .array(fc.oneof(fc.array(cellText, { minLength: WIDTH, maxLength: WIDTH }), fc.constant([...truth].reverse()), fc.constant(truth.map((t, c) => (c === 0 ? t : ''))), nudged(truth), nudged(truth)), { maxLength: 4 })
        .chain((others) => fc.nat(others.length).map((at) => [...others.slice(0, at), truth, ...others.slice(at)])),
    },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant<Choice[]>([]) },
  );

/** A 合计, its 类 and their 款, with true values that add up, in table order. */
const table = fc
  .array(fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: WIDTH, maxLength: WIDTH }), { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 3 })
  .chain((classes) => {
    const rows: Row[] = [{}];
    const truths: string[][] = [];
    const text = (v: number[]): string[] => v.map((x) => (x / 10).toFixed(1));
    const classSums = classes.map((items) => (items.length === 0 ? [5, 5, 0] : [0, 1, 2].map((c) => items.reduce((s, it) => s + (it[c] ?? 0), 0))));
    truths.push(text([0, 1, 2].map((c) => classSums.reduce((s, v) => s + (v[c] ?? 0), 0))));
    classes.forEach((items, k) => {
      rows.push({ code: `2${String(k + 1).padStart(2, '0')}` });
      truths.push(text(classSums[k] ?? []));
      items.forEach((item, j) => {
        rows.push({ code: `2${String(k + 1).padStart(2, '0')}${String(j + 1).padStart(2, '0')}` });
        truths.push(text(item));
      });
    });
    return fc.tuple(fc.constant(rows), fc.tuple(...truths.map(domainOf)));
  });

describe('propagate', () => {
  it('keeps what trying every combination keeps, in the same order', () => {
    fc.assert(
      fc.property(table, ([rows, domains]) => {
        expect(propagate(rows, domains)).toEqual(reference(rows, domains));
      }),
      { numRuns: RUNS },
    );
  });
});
