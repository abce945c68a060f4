import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../src/formula/compile.js';
import { evaluateFormula, type EvalEnv } from '../../src/formula/evaluate.js';
import { ScaledCheck, scaledOf } from '../../src/formula/scaled.js';
import type { Cell, DisclosureDocument, Row, Table } from '../../src/model/document.js';
import { D, halfUnit, ZERO, type Dec } from '../../src/model/number.js';
import { TABLES } from '../../src/templates/catalog/tables.js';

// Passing checks are decided on scaled integers, every other one with decimal.js: the two must give
// the same verdict on any table, rounding boundaries included.

const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 2000), 20000);
const loc = { file: 'doc.txt', line: 1 };

/** A printed amount: up to 11 integer digits, 0–3 decimals, either sign, in 万元 or converted from 元. */
interface Printed {
  value: Dec;
  half: Dec;
}
const printed: fc.Arbitrary<Printed> = fc
  .record({
    integer: fc.oneof(fc.nat(999), fc.nat(99_999_999), fc.bigInt({ min: 0n, max: 99_999_999_999n }).map(Number)),
    fraction: fc.nat(999),
    decimals: fc.integer({ min: 0, max: 3 }),
    negative: fc.boolean(),
    yuan: fc.boolean(),
  })
  .map(({ integer, fraction, decimals, negative, yuan }) => {
    const digits = decimals === 0 ? String(integer) : `${integer}.${String(fraction % 10 ** decimals).padStart(decimals, '0')}`;
    const value = new D(`${negative ? '-' : ''}${digits}`);
    // Amounts printed in 元 are read into 万元: value and half divided by 10,000.
    return yuan ? { value: value.div(10000), half: halfUnit(decimals).div(10000) } : { value, half: halfUnit(decimals) };
  });

/** The decimal.js verdict, as the evaluator works it out for a check that is not a pass. */
function decimalVerdict(left: readonly Printed[], right: readonly Printed[], constant: Dec, notExceed: boolean): string {
  let actual = ZERO;
  let expected = constant;
  let tolerance = ZERO;
  for (const t of left) {
    actual = actual.plus(t.value);
    tolerance = tolerance.plus(t.half);
  }
  for (const t of right) {
    expected = expected.plus(t.value);
    tolerance = tolerance.plus(t.half);
  }
  const difference = actual.minus(expected);
  if (notExceed) return difference.lte(0) ? 'pass' : difference.lte(tolerance) ? 'rounding' : 'fail';
  return difference.isZero() ? 'pass' : difference.abs().lte(tolerance) ? 'rounding' : 'fail';
}

function scaledVerdict(left: readonly Printed[], right: readonly Printed[], constant: Dec, notExceed: boolean): string | undefined {
  const check = new ScaledCheck();
  for (const t of left) check.add(1, 1, t.value, t.half);
  for (const t of right) check.add(-1, 1, t.value, t.half);
  check.add(-1, 1, constant);
  return check.status(notExceed);
}

/** Where the right side is moved from the left's sum: exactly equal, exactly the tolerance, a unit past it, anywhere. */
const offset = fc.constantFrom('zero', 'tolerance', '-tolerance', 'past', '-past', 'inside', 'random');

describe('the scaled-integer verdict', () => {
  it('reads a decimal exactly into a scaled integer', () => {
    fc.assert(
      fc.property(printed, (p) => {
        for (const x of [p.value, p.half]) {
          const s = scaledOf(x);
          expect(s).toBeDefined();
          if (s) expect(new D(s.units).div(new D(10).pow(s.scale)).eq(x)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // Beyond 15 significant digits there is no integer form: such checks go to decimal.js.
    expect(scaledOf(new D('12345678901234567'))).toBeUndefined();
    expect(scaledOf(new D('0.1234567890123456'))).toBeUndefined();
    expect(scaledOf(new D('-0'))).toEqual({ units: 0, scale: 0 });
  });

  it('agrees with decimal.js on random sums, including differences of exactly the tolerance', () => {
    fc.assert(
      fc.property(fc.array(printed, { minLength: 1, maxLength: 3 }), fc.array(printed, { maxLength: 6 }), offset, fc.nat(5000), fc.boolean(), (left, right, where, k, notExceed) => {
        const sum = (xs: readonly Printed[]) => xs.reduce((a, x) => a.plus(x.value), ZERO);
        const tolerance = [...left, ...right].reduce((a, x) => a.plus(x.half), ZERO);
        const unit = new D('0.0000001');
        const shift = {
          zero: ZERO,
          tolerance,
          '-tolerance': tolerance.neg(),
          past: tolerance.plus(unit),
          '-past': tolerance.plus(unit).neg(),
          inside: tolerance.minus(unit),
          random: new D(k - 2500).div(1000),
        }[where];
        // The constant completes the right side so that left − right = shift.
        const constant = sum(left).minus(sum(right)).minus(shift);
        const exact = decimalVerdict(left, right, constant, notExceed);
        const fast = scaledVerdict(left, right, constant, notExceed);
        if (fast !== undefined) expect(fast).toBe(exact);
        // Within the range of published figures there is always an integer verdict.
        const modest = [...left, ...right].every((x) => x.value.abs().lt(1e6));
        if (modest && where !== 'random' && where !== 'past' && where !== '-past' && where !== 'inside') expect(fast).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('gives up, rather than guess, when a sum leaves the exact range', () => {
    const big = { value: new D('3000000000000.55'), half: halfUnit(2) };
    expect(scaledVerdict([big], [big], ZERO, false)).toBe('pass');
    expect(scaledVerdict([big, big, big, big], [], ZERO, false)).toBeUndefined();
  });
});

// The same property through the evaluator: a table of random printed cells, blanks and negatives,
// whose checks (passing ones decided on integers) must carry the verdict and figures decimal.js gives.

const cellText = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .record({ integer: fc.nat(999_999), fraction: fc.nat(99), decimals: fc.integer({ min: 0, max: 2 }), negative: fc.boolean() })
      .map(({ integer, fraction, decimals, negative }) => `${negative ? '-' : ''}${integer}${decimals === 0 ? '' : `.${String(fraction % 10 ** decimals).padStart(decimals, '0')}`}`),
  },
);

function cellOf(text: string, yuan: boolean): Cell {
  if (text === '') return { kind: 'blank', loc };
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const value = new D(text);
  const half = halfUnit(decimals);
  return { kind: 'amount', amount: yuan ? { value: value.div(10000), half: half.div(10000), text, loc } : { value, half, text, loc } };
}

const COLUMNS = ['total', 'basic', 'project'];
const ENV: EvalEnv = { tableName: (key) => ({ zh: key, en: key }), columnName: (_t, c) => ({ zh: c, en: c }), groups: { personnel: [], public: [] } };
const FORMULAS = [
  'expense[$r].total = expense[$r].basic + expense[$r].project for $r in rows(expense)',
  'expense[$r].total = expense[$r].basic for $r in rows(expense)',
  'expense[$r].basic <= expense[$r].total for $r in rows(expense)',
  'expense[total].$c = sum(expense[level=class].$c) for $c in columns(expense)',
].map((text) => {
  const compiled = compileFormula(text, TABLES);
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  return compiled.compiled.formula;
});

/** A row as [total, basic, project]; the total is sometimes the exact sum moved by a few units of its last digit. */
const row = fc.tuple(cellText, cellText, cellText, fc.integer({ min: -3, max: 3 }), fc.boolean()).map(([t, b, p, nudge, derived]) => {
  if (!derived || b === '' || p === '') return [t, b, p];
  const decimals = Math.max(...[b, p].map((x) => (x.includes('.') ? x.length - x.indexOf('.') - 1 : 0)));
  const sum = new D(b).plus(p).plus(new D(nudge).times(new D(10).pow(-decimals)));
  return [sum.toFixed(decimals), b, p];
});

describe('checks decided on integers', () => {
  it('report the verdict and the figures of decimal.js', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, yuan) => {
        const tableRows: Row[] = rows.map((cells, i) => {
          const code = i === 0 ? undefined : String(200 + i);
          return {
            key: code ?? 'total',
            label: code ?? '合计',
            ...(code ? { code } : {}),
            level: code ? 'class' : 'total',
            loc,
            cells: Object.fromEntries(COLUMNS.map((c, j) => [c, cellOf(cells[j] ?? '', yuan)])),
          };
        });
        const table: Table = { key: 'expense', title: 'expense', titleLoc: loc, unit: '万元', columns: COLUMNS.map((key) => ({ key, label: key })), rows: tableRows, notes: [], empty: false };
        const doc: DisclosureDocument = { source: 'doc.txt', format: 'text', files: ['doc.txt'], unit: '万元', tables: { expense: table }, narrative: [], issues: [] };
        for (const formula of FORMULAS) {
          for (const result of evaluateFormula(formula, { key: 'k', message: 'm', params: {}, complete: false }, doc, ENV)) {
            const terms = result.terms ?? [];
            let actual = ZERO;
            let expected = ZERO;
            let tolerance = ZERO;
            for (const t of terms) {
              if (t.cell.kind !== 'amount') continue;
              const v = t.sign === -1 ? t.cell.amount.value.neg() : t.cell.amount.value;
              if (t.role === 'total') actual = actual.plus(v);
              else expected = expected.plus(v);
              tolerance = tolerance.plus(t.cell.amount.half);
            }
            const difference = actual.minus(expected);
            const status =
              result.relation === 'not-exceed'
                ? difference.lte(0) ? 'pass' : difference.lte(tolerance) ? 'rounding' : 'fail'
                : difference.isZero() ? 'pass' : difference.abs().lte(tolerance) ? 'rounding' : 'fail';
            expect(result.status).toBe(status);
            const same = (x: Dec | string | undefined, y: Dec) => x !== undefined && typeof x !== 'string' && x.eq(y);
            expect(same(result.difference, difference)).toBe(true);
            expect(same(result.tolerance, tolerance)).toBe(true);
            expect(same(result.actual, actual)).toBe(true);
            expect(same(result.expected, expected)).toBe(true);
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
