import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import * as z from 'zod/mini';
import type { Severity } from '../model/finding.js';
import { RULES } from '../rules/index.js';
import { SET_RULES } from '../sets/rules/index.js';
import type { Rule } from '../rules/types.js';
import { SynonymsSchema, UserRuleSchema, withUserCatalog, type UserCatalog } from '../rules/user.js';
import { BUILTIN_CATALOG } from '../templates/catalog/index.js';
import type { CompiledCatalog } from '../templates/compiled.js';
import { FamilyDefSchema, TableDefSchema } from '../templates/family.js';
import { readJsonFile, type FileProblem } from './json-file.js';

// The rules across documents take a severity like any other.
const RULE_IDS = [...RULES.map((r) => r.meta.id), ...SET_RULES.map((r) => r.id)] as [string, ...string[]];

/** The file names zjs looks for, nearest folder first; in one folder, JSON before JSONC. */
export const CONFIG_NAMES = ['zjs.config.json', 'zjs.config.jsonc'] as const;

const severity = z.partialRecord(z.enum(RULE_IDS, { error: 'unknown rule id (see `zjs rules`)' }), z.enum(['error', 'warning', 'info', 'off']));
const tolerance = z.enum(['interval', 'exact']);
const classes = z.array(z.string().check(z.regex(/^3\d\d$/)));

/** Settings that may differ by path: the top level of the file, or an `overrides` entry. */
const checkSettings = {
  severity: z.optional(severity),
  tolerance: z.optional(tolerance),
  personnelClasses: z.optional(classes),
  publicClasses: z.optional(classes),
};

const BUILTIN_RULE_IDS = new Set<string>(RULE_IDS);

/** `rules[0].formula` → ['rules', 0, 'formula'], so a catalog problem is placed on its line. */
function pathOf(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

/** The config's additions to the catalog: tables, synonyms, families and its own 审核公式 rules. */
function userCatalogOf(config: { tables?: UserCatalog['tables']; families?: UserCatalog['families']; synonyms?: UserCatalog['synonyms']; rules?: UserCatalog['rules'] }): UserCatalog | undefined {
  const { tables, families, synonyms, rules } = config;
  if (!tables && !families && !synonyms && !rules) return undefined;
  return { ...(tables ? { tables } : {}), ...(families ? { families } : {}), ...(synonyms ? { synonyms } : {}), ...(rules ? { rules } : {}) };
}

/** `zjs.config.json` (schema/config.schema.json, generated from this by scripts/config-schema.js). */
export const ConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  lang: z.optional(z.enum(['zh', 'en'])),
  ...checkSettings,
  /** Globs, relative to the config file's folder, of files and folders never read as documents. */
  ignore: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Tables the config defines (docs/families.md). */
  tables: z.optional(z.array(TableDefSchema)),
  /** Families the config defines, or replaces by id (docs/families.md). */
  families: z.optional(z.array(FamilyDefSchema)),
  /** Title, header and item-row patterns added to built-in tables. */
  synonyms: z.optional(SynonymsSchema),
  /** The config's own 审核公式, each a rule of its own (docs/formulas.md). */
  rules: z.optional(z.array(UserRuleSchema)),
  /** Settings for some documents: `files` globs relative to the config file's folder; later entries win. */
  overrides: z.optional(
    z.array(
      z.strictObject({
        files: z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]),
        ...checkSettings,
      }),
    ),
  ),
}).check(
  // Formulas are compiled against the catalog as the file is read: a problem names its key and line.
  z.superRefine((config, ctx) => {
    const user = userCatalogOf(config);
    if (!user) return;
    const built = withUserCatalog(BUILTIN_CATALOG, user, BUILTIN_RULE_IDS);
    if (built.ok) return;
    for (const p of built.problems) ctx.issues.push({ code: 'custom', message: p.message.en, path: pathOf(p.path), input: config });
  }),
);

export type Config = z.infer<typeof ConfigSchema>;
/** The settings of one document once its config and overrides are merged. */
export interface CheckSettings {
  severity?: Record<string, Severity | 'off'>;
  tolerance?: 'interval' | 'exact';
  personnelClasses?: string[];
  publicClasses?: string[];
}

function severities(map: Partial<Record<string, Severity | 'off'>>): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const [rule, level] of Object.entries(map)) if (level !== undefined) out[rule] = level;
  return out;
}

/** A config file read and validated, with the folder its globs are relative to. */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: Config;
  /** The catalog with the config's tables, families and rules, when it adds any. */
  user?: { catalog: CompiledCatalog; rules: readonly Rule[] };
}

export type ConfigResult = { ok: true; config: LoadedConfig } | ({ ok: false } & FileProblem);

/** Reads and validates a config file; a problem comes back as one line with the file and line. */
export async function readConfig(file: string): Promise<ConfigResult> {
  const read = await readJsonFile(file, ConfigSchema);
  if (!read.ok) return read;
  const loaded: LoadedConfig = { file, dir: dirname(resolve(file)), config: read.value };
  const additions = userCatalogOf(read.value);
  if (additions) {
    const built = withUserCatalog(BUILTIN_CATALOG, additions, BUILTIN_RULE_IDS);
    // Validated above: the schema's refinement compiled the same additions.
    if (built.ok) loaded.user = { catalog: built.catalog, rules: built.rules };
  }
  return { ok: true, config: loaded };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The config that governs an input: the nearest `zjs.config.json` or `zjs.config.jsonc` in the
 * input's folder (its own, for a folder) or any folder above it. Null when there is none.
 */
export async function findConfig(input: string, cache: Map<string, string | null> = new Map()): Promise<string | null> {
  const start = resolve(input);
  let dir = (await isFile(start)) ? dirname(start) : start;
  const seen: string[] = [];
  for (;;) {
    const known = cache.get(dir);
    if (known !== undefined) {
      for (const d of seen) cache.set(d, known);
      return known;
    }
    seen.push(dir);
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (await isFile(file)) {
        for (const d of seen) cache.set(d, file);
        return file;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      for (const d of seen) cache.set(d, null);
      return null;
    }
    dir = parent;
  }
}

/** A path relative to a config's folder, with forward slashes, as its globs are written. */
function relativeTo(config: LoadedConfig, path: string): string {
  return relative(config.dir, resolve(path)).split(sep).join('/');
}

function globs(files: string | readonly string[]): string[] {
  return typeof files === 'string' ? [files] : [...files];
}

/** Whether a path (a file or a folder of CSV files) is named by one of the config's `ignore` globs. */
export function isIgnored(config: LoadedConfig, path: string): boolean {
  const patterns = config.config.ignore ?? [];
  if (patterns.length === 0) return false;
  const match = picomatch(patterns, { dot: true });
  // A pattern naming a folder ignores everything in it.
  const parts = relativeTo(config, path).split('/');
  return parts.some((_, i) => match(parts.slice(0, i + 1).join('/')));
}

/** The settings for one document: the top level of the config, then each matching override in order. */
export function settingsFor(config: LoadedConfig, path: string): CheckSettings {
  const rel = relativeTo(config, path);
  const { severity: top, tolerance: tol, personnelClasses, publicClasses } = config.config;
  const out: CheckSettings = {};
  if (top !== undefined) out.severity = severities(top);
  if (tol !== undefined) out.tolerance = tol;
  if (personnelClasses !== undefined) out.personnelClasses = personnelClasses;
  if (publicClasses !== undefined) out.publicClasses = publicClasses;
  for (const o of config.config.overrides ?? []) {
    if (!picomatch(globs(o.files), { dot: true })(rel)) continue;
    if (o.severity !== undefined) out.severity = { ...out.severity, ...severities(o.severity) };
    if (o.tolerance !== undefined) out.tolerance = o.tolerance;
    if (o.personnelClasses !== undefined) out.personnelClasses = o.personnelClasses;
    if (o.publicClasses !== undefined) out.publicClasses = o.publicClasses;
  }
  return out;
}

/**
 * The JSON Schema of the config file, generated from ConfigSchema (never kept by hand):
 * `npm run schemas` writes it to schema/config.schema.json, and a test keeps that file up to date.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: 'https://zjs.invalid/schema/config.schema.json',
    title: 'zjs config (zjs.config.json / zjs.config.jsonc)',
    description:
      'Found in the folder of each input or above it (nearest wins), or given with --config. Flags on the command line win over it; an overrides entry wins over the top level for the documents its files globs match (relative to the config file’s folder).',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
