import type { CellRef } from '../formula/ast.js';
import { compileFormula, type CompiledFormula } from '../formula/compile.js';
import { describeFormulaError, parseCellRef } from '../formula/parse.js';
import type { Localized } from '../model/finding.js';
import type { Catalog, FamilyDef, IdentityDef, SectionDef, TableDef } from './family.js';

export interface CompiledIdentity {
  def: IdentityDef;
  compiled: CompiledFormula;
}

export interface CompiledSection {
  def: SectionDef;
  patterns: RegExp[];
  requiredIf?: CellRef;
}

export interface CompiledFamily {
  def: FamilyDef;
  identities: CompiledIdentity[];
  /** Identities by the rule they report under. */
  byRule: ReadonlyMap<string, readonly CompiledIdentity[]>;
  sections: CompiledSection[];
  cover: RegExp[];
}

/** A catalog ready to use: every formula parsed and resolved, every pattern compiled. */
export interface CompiledCatalog {
  tables: readonly TableDef[];
  tableByKey: ReadonlyMap<string, TableDef>;
  families: readonly CompiledFamily[];
}

/** What is wrong in a catalog (a user's config): where, as a path of keys, and why. */
export interface CatalogProblem {
  path: string;
  message: Localized;
}

export type CatalogResult = { ok: true; catalog: CompiledCatalog } | { ok: false; problems: CatalogProblem[] };

/**
 * Compiles every family: formulas against the catalog's tables, section patterns, references in
 * `requiredIf`. Duplicate keys and identities naming unknown tables are problems, never guesses.
 */
export function compileCatalog(catalog: Catalog): CatalogResult {
  const problems: CatalogProblem[] = [];
  const tableByKey = new Map<string, TableDef>();
  catalog.tables.forEach((t, i) => {
    if (tableByKey.has(t.key)) problems.push({ path: `tables[${i}].key`, message: { zh: `表键“${t.key}”重复`, en: `duplicate table key “${t.key}”` } });
    tableByKey.set(t.key, t);
  });
  const families: CompiledFamily[] = [];
  const ids = new Set<string>();
  catalog.families.forEach((family, f) => {
    const at = `families[${f}]`;
    if (ids.has(family.id)) problems.push({ path: `${at}.id`, message: { zh: `类别“${family.id}”重复`, en: `duplicate family id “${family.id}”` } });
    ids.add(family.id);
    family.tables.forEach((t, i) => {
      if (!tableByKey.has(t.key)) problems.push({ path: `${at}.tables[${i}].key`, message: { zh: `未知的表“${t.key}”`, en: `unknown table “${t.key}”` } });
    });
    const identities: CompiledIdentity[] = [];
    const seen = new Set<string>();
    family.identities.forEach((def, i) => {
      const path = `${at}.identities[${i}]`;
      const uid = `${def.rule}/${def.id}`;
      if (seen.has(uid)) problems.push({ path: `${path}.id`, message: { zh: `规则 ${def.rule} 中公式编号“${def.id}”重复`, en: `duplicate identity id “${def.id}” in rule ${def.rule}` } });
      seen.add(uid);
      const result = compileFormula(def.formula, catalog.tables);
      if (!result.ok) {
        problems.push({ path: `${path}.formula`, message: { zh: describeFormulaError(result.error, 'zh'), en: describeFormulaError(result.error, 'en') } });
        return;
      }
      const outside = result.compiled.tables.filter((k) => !family.tables.some((t) => t.key === k));
      if (outside.length > 0) {
        problems.push({ path: `${path}.formula`, message: { zh: `公式用到本类别没有的表：${outside.join('、')}`, en: `the formula reads tables this family does not have: ${outside.join(', ')}` } });
        return;
      }
      identities.push({ def, compiled: result.compiled });
    });
    const requiredIf = family.sections.map((def, i): CellRef | null => {
      if (def.requiredIf === undefined) return null;
      const parsed = parseCellRef(def.requiredIf);
      if (parsed.ok) return parsed.ref;
      problems.push({ path: `${at}.sections[${i}].requiredIf`, message: { zh: describeFormulaError(parsed.error, 'zh'), en: describeFormulaError(parsed.error, 'en') } });
      return null;
    });
    families.push(assembleFamily(family, identities, requiredIf));
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: { tables: catalog.tables, tableByKey, families } };
}

/** A family with its formulas compiled: identities by rule, section and cover patterns as RegExps. */
function assembleFamily(family: FamilyDef, identities: CompiledIdentity[], requiredIf: ReadonlyArray<CellRef | null>): CompiledFamily {
  const sections = family.sections.map((def, i): CompiledSection => {
    const ref = requiredIf[i];
    return { def, patterns: def.patterns.map((p) => new RegExp(p, 'u')), ...(ref ? { requiredIf: ref } : {}) };
  });
  const byRule = new Map<string, CompiledIdentity[]>();
  for (const identity of identities) {
    const list = byRule.get(identity.def.rule) ?? [];
    list.push(identity);
    byRule.set(identity.def.rule, list);
  }
  return { def: family, identities, byRule, sections, cover: (family.detect?.cover ?? []).map((p) => new RegExp(p, 'u')) };
}

/**
 * What compiling a family adds to its definition, as plain data (JSON): each identity's compiled
 * formula and each section's `requiredIf` reference, in the definition's order. The build stores
 * the built-in catalog's in the bundle, so that start-up parses no formula.
 */
export interface PrecompiledFamily {
  id: string;
  formulas: CompiledFormula[];
  requiredIf: Array<CellRef | null>;
}

/** The data `fromPrecompiled` needs to rebuild a compiled catalog without compiling it. */
export function precompiled(compiled: CompiledCatalog): PrecompiledFamily[] {
  return compiled.families.map((f) => ({
    id: f.def.id,
    formulas: f.identities.map((i) => i.compiled),
    requiredIf: f.sections.map((s) => s.requiredIf ?? null),
  }));
}

/**
 * The compiled catalog of `catalog` from its precompiled data; undefined when the data does not
 * belong to this catalog (another family list or another number of identities or sections).
 */
export function fromPrecompiled(catalog: Catalog, data: readonly PrecompiledFamily[]): CompiledCatalog | undefined {
  if (data.length !== catalog.families.length) return undefined;
  const families: CompiledFamily[] = [];
  for (const [i, family] of catalog.families.entries()) {
    const pre = data[i];
    if (!pre || pre.id !== family.id || pre.formulas.length !== family.identities.length || pre.requiredIf.length !== family.sections.length) return undefined;
    const identities = family.identities.map((def, n): CompiledIdentity => ({ def, compiled: pre.formulas[n] as CompiledFormula }));
    families.push(assembleFamily(family, identities, pre.requiredIf));
  }
  return { tables: catalog.tables, tableByKey: new Map(catalog.tables.map((t) => [t.key, t])), families };
}
