import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Binding, CellRef, ColumnRef, Condition, Domain, Filter, Formula, Operand, RowRef, RowSet, Term } from '../../src/formula/ast.js';
import { KEYWORDS, parseFormula } from '../../src/formula/parse.js';
import { printFormula } from '../../src/formula/print.js';
import { RUNS } from '../property/support.js';

// Names: plain words (ASCII, digits, CJK, joined by - or :), and arbitrary text that must be quoted.
const plainWord = fc
  .array(fc.constantFrom(...'abcxyz019_收入支出合计类款项'.split('')), { minLength: 1, maxLength: 6 })
  .chain((first) => fc.array(fc.tuple(fc.constantFrom('-', ':'), fc.constantFrom(...'ab9收'.split(''))), { maxLength: 2 }).map((joins) => first.join('') + joins.map(([j, c]) => j + c).join('')))
  .filter((w) => !KEYWORDS.has(w));
const anyName = fc.oneof(plainWord, fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('财政拨款“三公”经费支出决算表', 'sum', 'for', 'a b', 'x"y', '因公出国(境)费', '12.50'));
const variable = fc.constantFrom('r', 'c', 'x1', '行').map((name) => ({ kind: 'var' as const, name }));
const rowRef: fc.Arbitrary<RowRef> = fc.oneof(variable, anyName.map((name) => ({ kind: 'name' as const, name })));
const columnRef: fc.Arbitrary<ColumnRef> = rowRef;
const filter: fc.Arbitrary<Filter> = fc.record({ field: anyName, value: anyName });
const rowSet: fc.Arbitrary<RowSet> = fc.oneof(
  variable.map((of) => ({ kind: 'children' as const, of })),
  anyName.map((group) => ({ kind: 'group' as const, group })),
  fc.array(rowRef, { minLength: 1, maxLength: 3 }).map((rows) => ({ kind: 'list' as const, rows })),
  fc.array(filter, { maxLength: 2 }).map((filters) => ({ kind: 'filter' as const, filters })),
);
const cellRef: fc.Arbitrary<CellRef> = fc.record({ kind: fc.constant('cell' as const), table: anyName, row: rowRef, column: columnRef });
const operand: fc.Arbitrary<Operand> = fc.oneof(
  cellRef,
  fc.record({ kind: fc.constant('sum' as const), table: anyName, rows: rowSet, column: columnRef }),
  fc.tuple(fc.nat(99999), fc.option(fc.nat(99), { nil: undefined })).map(([i, f]) => ({ kind: 'number' as const, text: f === undefined ? String(i) : `${i}.${String(f).padStart(2, '0')}` })),
);
const side: fc.Arbitrary<Term[]> = fc.array(fc.record({ sign: fc.constantFrom(1 as const, -1 as const), operand }), { minLength: 1, maxLength: 4 });
const domain: fc.Arbitrary<Domain> = fc.oneof(
  anyName.map((table) => ({ kind: 'columns' as const, table })),
  fc.array(anyName, { minLength: 1, maxLength: 3 }).map((values) => ({ kind: 'list' as const, values })),
  fc.array(fc.record({ table: anyName, filters: fc.array(filter, { maxLength: 2 }) }), { minLength: 1, maxLength: 2 }).map((sources) => ({ kind: 'rows' as const, sources })),
);
const binding: fc.Arbitrary<Binding> = fc.record({ variable, domain });
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constantFrom('present' as const, 'absent' as const), ref: cellRef }),
    fc.record({ kind: fc.constant('not' as const), condition: tie('c') }),
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('c'), right: tie('c') }),
  ),
})).c;
const formula: fc.Arbitrary<Formula> = fc
  .record({
    left: side,
    op: fc.constantFrom('=' as const, '<=' as const, '>=' as const),
    right: side,
    bindings: fc.array(binding, { maxLength: 2 }),
    condition: fc.option(condition, { nil: undefined }),
  })
  .map(({ condition: c, ...rest }) => (c ? { ...rest, condition: c } : rest));

describe('the formula language', () => {
  it(`prints every formula so that it parses back to the same formula (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(formula, (f) => {
        const text = printFormula(f);
        const parsed = parseFormula(text);
        expect(parsed.ok, text).toBe(true);
        if (parsed.ok) expect(parsed.formula).toEqual(f);
        // And printing is stable.
        if (parsed.ok) expect(printFormula(parsed.formula)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers any text with a formula or a located error, never a throw (${RUNS} cases)`, () => {
    const pieces = fc.constantFrom('income[$r].total', ' = ', ' + ', ' - ', 'sum(', ')', '[', ']', '.', 'for $r in rows(income)', ' if ', 'present(', '"', '$', '收入', '<=', '{', '}', ',', '12.5', '&', '|', 'not ', ' and ');
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseFormula(t);
        if (!parsed.ok) {
          expect(parsed.error.offset).toBeGreaterThanOrEqual(0);
          expect(parsed.error.offset).toBeLessThanOrEqual(t.length);
          expect(parsed.error.message.zh.length).toBeGreaterThan(0);
          expect(parsed.error.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never runs code written in a formula: JavaScript is either a syntax error or plain names', () => {
    const g = globalThis as { zjsFormulaRan?: boolean };
    delete g.zjsFormulaRan;
    const attempts = [
      'globalThis.zjsFormulaRan = true',
      'income[$r].total = (globalThis.zjsFormulaRan = true)',
      "income[total].total = require('fs').rmSync('/')",
      'income[constructor].constructor = income[__proto__].toString',
      "income[total].total = 1 for $r in rows(process.exit(3))",
      '`${globalThis.zjsFormulaRan = true}`',
      'eval("globalThis.zjsFormulaRan = true")',
    ];
    for (const text of attempts) {
      const parsed = parseFormula(text);
      if (parsed.ok) {
        // What parses is data: names such as “constructor” are only names.
        expect(JSON.stringify(parsed.formula)).not.toContain('function');
      }
    }
    expect(g.zjsFormulaRan).toBeUndefined();
  });
});
