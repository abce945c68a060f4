import { BUILTIN_CATALOG } from './catalog/index.js';
import { compileCatalog, fromPrecompiled, precompiled, type CompiledCatalog, type PrecompiledFamily } from './compiled.js';

/**
 * The built-in catalog's compiled formulas as JSON text, put in by scripts/build.js (esbuild's
 * `define`); absent when the sources run unbundled (the tests), which then compile at first use.
 */
declare const __ZJS_BUILTIN_PRECOMPILED__: string | undefined;

let compiled: CompiledCatalog | undefined;

/** The built-in catalog, compiled once (at build time in the bundle). A problem in it is a bug of zjs, tested by the suite. */
export function builtinCatalog(): CompiledCatalog {
  if (!compiled) {
    const stored = typeof __ZJS_BUILTIN_PRECOMPILED__ === 'string' ? fromPrecompiled(BUILTIN_CATALOG, JSON.parse(__ZJS_BUILTIN_PRECOMPILED__) as PrecompiledFamily[]) : undefined;
    compiled = stored ?? compileBuiltin();
  }
  return compiled;
}

function compileBuiltin(): CompiledCatalog {
  const result = compileCatalog(BUILTIN_CATALOG);
  if (!result.ok) throw new Error(`built-in catalog: ${result.problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`);
  return result.catalog;
}

/** What the build stores: the built-in catalog's formulas, compiled from the sources now. */
export function builtinPrecompiled(): PrecompiledFamily[] {
  return precompiled(compileBuiltin());
}
