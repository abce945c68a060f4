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
    const sections = family.sections.map((def, i): CompiledSection => {
      let requiredIf: CellRef | undefined;
      if (def.requiredIf !== undefined) {
        const parsed = parseCellRef(def.requiredIf);
        if (parsed.ok) requiredIf = parsed.ref;
        else problems.push({ path: `${at}.sections[${i}].requiredIf`, message: { zh: describeFormulaError(parsed.error, 'zh'), en: describeFormulaError(parsed.error, 'en') } });
      }
      return { def, patterns: def.patterns.map((p) => new RegExp(p, 'u')), ...(requiredIf ? { requiredIf } : {}) };
    });
    const byRule = new Map<string, CompiledIdentity[]>();
    for (const identity of identities) {
      const list = byRule.get(identity.def.rule) ?? [];
      list.push(identity);
      byRule.set(identity.def.rule, list);
    }
    families.push({ def: family, identities, byRule, sections, cover: (family.detect?.cover ?? []).map((p) => new RegExp(p, 'u')) });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: { tables: catalog.tables, tableByKey, families } };
}
