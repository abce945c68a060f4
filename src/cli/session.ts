import { InvalidArgumentError, Option } from 'commander';
import { inputErrorLine, renderInputError } from '../engine/input-errors.js';
import type { Lang } from '../engine/messages.js';
import { DEFAULT_OPTIONS, type EngineOptions } from '../engine/run.js';
import type { Encoding } from '../load/decode.js';
import { inputsOf, loadDocument, search, type DocumentSource, type LoadOptions } from '../load/index.js';
import type { DisclosureDocument } from '../model/document.js';
import type { ReportEntry } from '../report/model.js';
import { DEFAULT_CONTEXT } from '../rules/types.js';
import type { CompiledCatalog } from '../templates/compiled.js';
import { findConfig, isIgnored, readConfig, settingsFor, type LoadedConfig } from './config-lookup.js';
import type { Help } from './help.js';
import type { FileProblem } from './json-file.js';
import type { Io } from './io.js';
import type { Progress } from './progress.js';
import { words } from './words.js';

/** Flags every command that reads documents shares. Lang and tolerance are undefined unless given. */
export interface DocumentFlags {
  lang?: Lang;
  tolerance?: 'interval' | 'exact';
  encoding?: Encoding;
  /** A config file (`--config`), or false for `--no-config`; undefined: found next to the inputs. */
  config?: string | false;
  /** --max-input-size, in MiB. */
  maxInputSize?: number;
  ignore?: string[];
  /** List the files passed over while searching. */
  verbose?: boolean;
}

/** --max-input-size MB: the largest input read, replacing each kind's own limit. */
export function maxInputSizeOption(help: Help): Option {
  return new Option('--max-input-size <MB>', help.maxInputSize).argParser((value: string) => {
    const mb = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(mb > 0)) throw new InvalidArgumentError('a size in MiB greater than 0 is expected.');
    return mb;
  });
}

/** --ignore GLOB, repeatable: paths to pass over while searching folders. */
export function ignoreOption(help: Help): Option {
  return new Option('--ignore <glob>', help.ignore).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
}

/** What the loader needs of the flags. */
export function loadOptions(flags: DocumentFlags): LoadOptions {
  return {
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(flags.maxInputSize !== undefined ? { maxBytes: Math.round(flags.maxInputSize * 1024 * 1024) } : {}),
    ...(flags.ignore ? { ignore: flags.ignore } : {}),
  };
}

/** What a command knows once flags and config files are read and the inputs are searched. */
export interface Session {
  /** The report's language: the flag, else the config of the first input, else Chinese. */
  lang: Lang;
  sources: DocumentSource[];
  /** Engine options for one document: defaults, its config (and the overrides that match it), then the flags. */
  optionsFor: (source: DocumentSource) => EngineOptions;
  /** The catalog a document is read with: its config's tables and synonyms, when it adds any. */
  catalogOf: (source: DocumentSource) => CompiledCatalog | undefined;
  /** Every config file in use, for outputs that must not overwrite them and for the report's cover. */
  configFiles: string[];
}

/** The files a document is read from: what `-o` must never overwrite and what the report's cover hashes (each reader says). */
export function sourceFiles(s: DocumentSource): string[] {
  return inputsOf(s).files;
}

function configProblem(lang: Lang, p: FileProblem): string {
  return `zjs: ${words(lang).config}: ${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}\n`;
}

/**
 * Reads the config files (the one given with --config, or the nearest to each input), searches the
 * inputs (leaving out what a config's `ignore` names), and settles the options of each document:
 * flags win over the config, an override over the top of its file. Returns undefined after one
 * line on stderr when a config file is invalid or nothing is found.
 */
export async function openSession(paths: readonly string[], flags: DocumentFlags, io: Io): Promise<Session | undefined> {
  const early: Lang = flags.lang ?? 'zh';
  const configs = new Map<string, LoadedConfig>();
  const read = async (file: string): Promise<LoadedConfig | undefined> => {
    const known = configs.get(file);
    if (known) return known;
    const r = await readConfig(file);
    if (!r.ok) {
      io.stderr(configProblem(early, r));
      return undefined;
    }
    configs.set(file, r.config);
    return r.config;
  };
  const cache = new Map<string, string | null>();
  const perInput: Array<LoadedConfig | null> = [];
  for (const path of paths) {
    const file = typeof flags.config === 'string' ? flags.config : flags.config === false ? null : await findConfig(path, cache);
    if (file === null) {
      perInput.push(null);
      continue;
    }
    const config = await read(file);
    if (!config) return undefined;
    perInput.push(config);
  }
  const lang: Lang = flags.lang ?? perInput.find((c) => c?.config.lang !== undefined)?.config.lang ?? 'zh';
  const sources: DocumentSource[] = [];
  const configOf = new Map<DocumentSource, LoadedConfig | null>();
  // Paths in a row under the same config are searched together, so that the two files of one
  // document (a 说明 and its 表) given side by side are paired as in a searched folder.
  for (let i = 0; i < paths.length; ) {
    const config = perInput[i] ?? null;
    let end = i + 1;
    while (end < paths.length && (perInput[end] ?? null) === config) end++;
    // A config's table titles and synonyms also decide which CSV sheets in a folder are tables.
    const found = await search(paths.slice(i, end), { ...loadOptions(flags), ...(config?.user ? { catalog: config.user.catalog } : {}) });
    if (flags.verbose) for (const file of found.ignored) io.stderr(`zjs: ${words(lang).ignored(file.path, file.reason)}\n`);
    for (const source of applyIgnore(found.sources, config)) {
      sources.push(source);
      configOf.set(source, config);
    }
    i = end;
  }
  if (sources.length === 0) {
    io.stderr(`zjs: ${words(lang).error}: ${paths.join(' ')}: ${words(lang).noDocs}\n`);
    return undefined;
  }
  const optionsFor = (source: DocumentSource): EngineOptions => {
    const config = configOf.get(source) ?? null;
    const c = config ? settingsFor(config, source.source) : {};
    return {
      ...DEFAULT_OPTIONS,
      lang,
      tolerance: flags.tolerance ?? c.tolerance ?? 'interval',
      severity: c.severity ?? {},
      ...(config?.user ? { rules: [...DEFAULT_OPTIONS.rules, ...config.user.rules] } : {}),
      context: {
        ...DEFAULT_CONTEXT,
        ...(config?.user ? { catalog: config.user.catalog } : {}),
        personnelClasses: c.personnelClasses ?? DEFAULT_CONTEXT.personnelClasses,
        publicClasses: c.publicClasses ?? DEFAULT_CONTEXT.publicClasses,
      },
    };
  };
  const catalogOf = (source: DocumentSource): CompiledCatalog | undefined => configOf.get(source)?.user?.catalog;
  return { lang, sources, optionsFor, catalogOf, configFiles: [...configs.keys()] };
}

/**
 * The documents a config's `ignore` globs leave out. The loader's own ignore patterns (`--ignore`,
 * LoadOptions.ignore) take the same globs; this is where the config's join them.
 */
export function applyIgnore(sources: readonly DocumentSource[], config: LoadedConfig | null): DocumentSource[] {
  if (!config?.config.ignore?.length) return [...sources];
  return sources.filter((s) => !isIgnored(config, s.source));
}

export type Loaded = { kind: 'document'; source: DocumentSource; doc: DisclosureDocument } | { kind: 'unreadable'; entry: ReportEntry };

/**
 * Reads every document found under the paths, in order. Unreadable inputs are reported on stderr
 * (one line each) and returned as unreadable entries; texts met while searching that are not
 * disclosures are passed over with a count.
 */
export async function* readDocuments(
  sources: readonly DocumentSource[],
  flags: DocumentFlags & { lang: Lang },
  io: Io,
  progress?: Progress,
  catalogOf: (source: DocumentSource) => CompiledCatalog | undefined = () => undefined,
): AsyncGenerator<Loaded> {
  let skippedFiles = 0;
  for (const [index, source] of sources.entries()) {
    progress?.start(index, source.source);
    const catalog = catalogOf(source);
    const loaded = await loadDocument(source, { ...loadOptions(flags), ...(catalog ? { catalog } : {}) });
    if (!loaded.ok && source.kind !== 'missing' && source.searched && loaded.error.kind === 'not-disclosure') {
      skippedFiles++;
      continue;
    }
    if (!loaded.ok) {
      const error = renderInputError(loaded.error, flags.lang);
      progress?.clear();
      io.stderr(`zjs: ${words(flags.lang).error}: ${inputErrorLine(error)}\n`);
      yield { kind: 'unreadable', entry: { kind: 'unreadable', source: source.source, error } };
      continue;
    }
    yield { kind: 'document', source, doc: loaded.value };
  }
  progress?.stop();
  if (skippedFiles > 0) io.stderr(`zjs: ${words(flags.lang).skipped(skippedFiles)}\n`);
}
