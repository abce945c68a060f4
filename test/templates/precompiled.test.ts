import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../src/templates/catalog/index.js';
import { builtinPrecompiled } from '../../src/templates/builtin.js';
import { compileCatalog, fromPrecompiled, precompiled, type PrecompiledFamily } from '../../src/templates/compiled.js';

function fresh() {
  const r = compileCatalog(BUILTIN_CATALOG);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.catalog;
}

describe('the built-in catalog compiled at build time', () => {
  it('rebuilds, from its JSON text, the catalog a fresh compile of the sources gives', () => {
    const text = JSON.stringify(builtinPrecompiled());
    expect(fromPrecompiled(BUILTIN_CATALOG, JSON.parse(text) as PrecompiledFamily[])).toEqual(fresh());
  });

  it('is what the build stored in dist/ (rebuild after changing the catalog)', () => {
    if (!existsSync('dist/builtin-catalog.json')) throw new Error('dist/builtin-catalog.json is missing: run `npm run build` (npm test does)');
    const stored = JSON.parse(readFileSync('dist/builtin-catalog.json', 'utf8')) as PrecompiledFamily[];
    expect(stored).toEqual(precompiled(fresh()));
    expect(fromPrecompiled(BUILTIN_CATALOG, stored)).toEqual(fresh());
  });

  it('is refused for another catalog rather than misapplied', () => {
    const data = builtinPrecompiled();
    expect(fromPrecompiled(BUILTIN_CATALOG, data.slice(1))).toBeUndefined();
    const [first, ...rest] = data;
    if (!first) throw new Error('no family');
    expect(fromPrecompiled(BUILTIN_CATALOG, [{ ...first, formulas: first.formulas.slice(1) }, ...rest])).toBeUndefined();
    expect(fromPrecompiled(BUILTIN_CATALOG, [{ ...first, id: 'other' }, ...rest])).toBeUndefined();
  });
});
