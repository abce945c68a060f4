import * as z from 'zod/mini';
import { compileFormula } from '../formula/compile.js';
import { describeFormulaError } from '../formula/parse.js';
import type { Localized, Severity } from '../model/finding.js';
import { compileCatalog, type CatalogProblem, type CompiledCatalog } from '../templates/compiled.js';
import { FamilyDefSchema, TableDefSchema, type Catalog, type FamilyDef, type TableDef } from '../templates/family.js';
import { formulaCheck } from './support/formula.js';
import type { Rule } from './types.js';

const text = z.union([z.string().check(z.minLength(1)), z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) })]);

/** A city's own 审核公式: one formula, checked on every document whose family has its tables. */
export const UserRuleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'a rule id is lower-case letters, digits and “-”' })),
  title: text,
  severity: z.optional(z.enum(['error', 'warning', 'info'])),
  formula: z.string().check(z.minLength(1)),
  /** The subject of a finding; `{left}` and `{right}` are the two sides as printed cells. */
  message: z.optional(text),
  /** Families the rule applies to (default: every family that has the tables it reads). */
  families: z.optional(z.array(z.string())),
});

/** Patterns added to the built-in tables: titles by table, headers by `table.column`, item rows by `table.row`. */
export const SynonymsSchema = z.strictObject({
  titles: z.optional(z.record(z.string(), z.array(z.string()))),
  headers: z.optional(z.record(z.string(), z.array(z.string()))),
  rows: z.optional(z.record(z.string(), z.array(z.string()))),
});

/** What a config file may add to the catalog. */
export const UserCatalogSchema = z.strictObject({
  tables: z.optional(z.array(TableDefSchema)),
  families: z.optional(z.array(FamilyDefSchema)),
  synonyms: z.optional(SynonymsSchema),
  rules: z.optional(z.array(UserRuleSchema)),
});

export type UserRule = z.infer<typeof UserRuleSchema>;
export type UserCatalog = z.infer<typeof UserCatalogSchema>;

const localized = (t: string | Localized): Localized => (typeof t === 'string' ? { zh: t, en: t } : t);

const DEFAULT_MESSAGE: Record<'=' | '<=' | '>=', Localized> = {
  '=': { zh: '{left} 应等于 {right}', en: '{left} must equal {right}' },
  '<=': { zh: '{left} 不应超过 {right}', en: '{left} must not exceed {right}' },
  // A >= B is checked as B <= A: {left} is then B.
  '>=': { zh: '{left} 不应超过 {right}', en: '{left} must not exceed {right}' },
};

export type UserCatalogResult = { ok: true; catalog: CompiledCatalog; rules: Rule[] } | { ok: false; problems: CatalogProblem[] };

function addPatterns(tables: TableDef[], synonyms: UserCatalog['synonyms'], problems: CatalogProblem[]): TableDef[] {
  const out = tables.map((t) => structuredClone(t));
  const find = (key: string) => out.find((t) => t.key === key);
  for (const [key, titles] of Object.entries(synonyms?.titles ?? {})) {
    const t = find(key);
    if (!t) problems.push({ path: `synonyms.titles.${key}`, message: { zh: `未知的表“${key}”`, en: `unknown table “${key}”` } });
    else t.titles.push(...titles);
  }
  for (const [path, headers] of Object.entries(synonyms?.headers ?? {})) {
    const [tableKey = '', columnKey = ''] = path.split('.');
    const column = [...(find(tableKey)?.columns ?? []), ...(find(tableKey)?.incomeColumns ?? [])].find((c) => c.key === columnKey);
    if (!column) problems.push({ path: `synonyms.headers.${path}`, message: { zh: `未知的栏目“${path}”（写作 表键.栏目键）`, en: `unknown column “${path}” (write table.column)` } });
    else column.headers.push(...headers);
  }
  for (const [path, labels] of Object.entries(synonyms?.rows ?? {})) {
    const [tableKey = '', rowKey = ''] = path.split('.');
    const t = find(tableKey);
    const row = [...(t?.rows?.income ?? []), ...(t?.rows?.expense ?? [])].find((r) => r.key === rowKey);
    if (!row) problems.push({ path: `synonyms.rows.${path}`, message: { zh: `未知的行“${path}”（写作 表键.行键）`, en: `unknown row “${path}” (write table.row)` } });
    else row.labels.push(...labels);
  }
  return out;
}

/**
 * The run's catalog: the built-in one with the config's tables, synonyms and families (a family
 * with a built-in id replaces it), and the config's rules as rules of their own, each formula
 * added to the families that have its tables. Problems name the config key they come from.
 */
export function withUserCatalog(builtin: Catalog, user: UserCatalog, builtinRuleIds: ReadonlySet<string>): UserCatalogResult {
  const problems: CatalogProblem[] = [];
  const extraTables = user.tables ?? [];
  extraTables.forEach((t, i) => {
    if (builtin.tables.some((b) => b.key === t.key)) problems.push({ path: `tables[${i}].key`, message: { zh: `表键“${t.key}”已是内置表（用 synonyms 增加同义词）`, en: `“${t.key}” is a built-in table (add synonyms instead)` } });
  });
  const tables = addPatterns([...builtin.tables, ...extraTables], user.synonyms, problems);
  const families: FamilyDef[] = builtin.families.map((f) => user.families?.find((u) => u.id === f.id) ?? f);
  for (const f of user.families ?? []) if (!builtin.families.some((b) => b.id === f.id)) families.push(f);
  const rules: Rule[] = [];
  (user.rules ?? []).forEach((r, i) => {
    const at = `rules[${i}]`;
    if (builtinRuleIds.has(r.id) || rules.some((u) => u.meta.id === r.id)) {
      problems.push({ path: `${at}.id`, message: { zh: `规则编号“${r.id}”已被使用`, en: `rule id “${r.id}” is already taken` } });
      return;
    }
    const compiled = compileFormula(r.formula, tables);
    if (!compiled.ok) {
      problems.push({ path: `${at}.formula`, message: { zh: describeFormulaError(compiled.error, 'zh'), en: describeFormulaError(compiled.error, 'en') } });
      return;
    }
    const reads = compiled.compiled.tables;
    let applied = 0;
    families.forEach((f, n) => {
      if (r.families && !r.families.includes(f.id)) return;
      if (!reads.every((k) => f.tables.some((t) => t.key === k))) return;
      families[n] = { ...f, identities: [...f.identities, { rule: r.id, id: 'user', formula: r.formula, message: 'user' }] };
      applied++;
    });
    for (const id of r.families ?? []) {
      if (!families.some((f) => f.id === id)) problems.push({ path: `${at}.families`, message: { zh: `未知的类别“${id}”`, en: `unknown family “${id}”` } });
    }
    if (applied === 0 && problems.length === 0) {
      problems.push({ path: `${at}.formula`, message: { zh: '没有哪个类别包含公式用到的全部表', en: 'no family has every table the formula reads' } });
    }
    const severity: Severity = r.severity ?? 'error';
    rules.push({
      meta: {
        id: r.id,
        title: localized(r.title),
        severity,
        tags: [reads.length > 1 ? 'cross-table' : 'table', 'user'],
        tables: reads,
        messages: { user: r.message ? localized(r.message) : DEFAULT_MESSAGE[compiled.compiled.formula.op] },
      },
      check: formulaCheck(r.id),
    });
  });
  const compiled = compileCatalog({ tables, families });
  if (!compiled.ok) problems.push(...compiled.problems);
  if (problems.length > 0 || !compiled.ok) return { ok: false, problems };
  return { ok: true, catalog: compiled.catalog, rules };
}
