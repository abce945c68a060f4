import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Severity } from '../model/finding.js';
import type { Rule } from '../rules/types.js';
import type { CompiledCatalog } from '../templates/compiled.js';
import type { Config } from './config.js';
import type { FileProblem } from './json-file.js';

// Finding a config and applying it to a path: what every run does. Reading and validating one
// (config.ts, with its zod schemas) is loaded only when a config file is there.

/** The file names zjs looks for, nearest folder first; in one folder, JSON before JSONC. */
export const CONFIG_NAMES = ['zjs.config.json', 'zjs.config.jsonc'] as const;

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

/** Reads and validates a config file (config.ts, loaded now: zod builds its schemas on loading). */
export async function readConfig(file: string): Promise<ConfigResult> {
  const { readConfigFile } = await import('./config.js');
  return readConfigFile(file);
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
