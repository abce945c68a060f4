import { BUILTIN_CATALOG } from './catalog/index.js';
import { compileCatalog, type CompiledCatalog } from './compiled.js';

let compiled: CompiledCatalog | undefined;

/** The built-in catalog, compiled once. A problem in it is a bug of zjs, tested by the suite. */
export function builtinCatalog(): CompiledCatalog {
  if (!compiled) {
    const result = compileCatalog(BUILTIN_CATALOG);
    if (!result.ok) throw new Error(`built-in catalog: ${result.problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`);
    compiled = result.catalog;
  }
  return compiled;
}
