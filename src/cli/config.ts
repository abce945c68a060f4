import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { RULES } from '../rules/index.js';
import { SET_RULES } from '../sets/rules/index.js';
import { SynonymsSchema, UserRuleSchema, withUserCatalog, type UserCatalog } from '../rules/user.js';
import { BUILTIN_CATALOG } from '../templates/catalog/index.js';
import { FamilyDefSchema, TableDefSchema } from '../templates/family.js';
import type { ConfigResult, LoadedConfig } from './config-lookup.js';
import { readJsonFile } from './json-file.js';

export { CONFIG_NAMES, findConfig, isIgnored, readConfig, settingsFor, type CheckSettings, type ConfigResult, type LoadedConfig } from './config-lookup.js';

// The rules across documents take a severity like any other.
const RULE_IDS = [...RULES.map((r) => r.meta.id), ...SET_RULES.map((r) => r.id)] as [string, ...string[]];

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
/** Reads and validates a config file; a problem comes back as one line with the file and line. */
export async function readConfigFile(file: string): Promise<ConfigResult> {
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
