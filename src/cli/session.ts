import { InvalidArgumentError, Option } from 'commander';
import { inputErrorLine, renderInputError } from '../engine/input-errors.js';
import type { Lang } from '../engine/messages.js';
import { DEFAULT_OPTIONS, type EngineOptions } from '../engine/run.js';
import type { Encoding } from '../load/decode.js';
import { loadDocument, search, type DocumentSource, type LoadOptions } from '../load/index.js';
import type { DisclosureDocument } from '../model/document.js';
import type { ReportEntry } from '../report/model.js';
import { DEFAULT_CONTEXT } from '../rules/types.js';
import { readConfig } from './config.js';
import type { Io } from './io.js';
import { words } from './words.js';

/** Flags every command that reads documents shares. */
export interface DocumentFlags {
  lang: Lang;
  tolerance?: 'interval' | 'exact';
  encoding?: Encoding;
  config?: string;
  /** --max-input-size, in MiB. */
  maxInputSize?: number;
  ignore?: string[];
  /** List the files passed over while searching. */
  verbose?: boolean;
}

/** --max-input-size MB: the largest input read, replacing each kind's own limit. */
export function maxInputSizeOption(): Option {
  return new Option('--max-input-size <MB>', '读取的单个输入文件的大小上限（MiB；默认文本和 CSV 64、工作簿 64（解压后 256）、PDF 256）').argParser((value: string) => {
    const mb = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(mb > 0)) throw new InvalidArgumentError('a size in MiB greater than 0 is expected.');
    return mb;
  });
}

/** --ignore GLOB, repeatable: paths to pass over while searching folders. */
export function ignoreOption(): Option {
  return new Option('--ignore <glob>', '搜索文件夹时忽略的路径（gitignore 写法，相对于所给文件夹；可重复）').argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
}

/** What the loader needs of the flags. */
export function loadOptions(flags: DocumentFlags): LoadOptions {
  return {
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(flags.maxInputSize !== undefined ? { maxBytes: Math.round(flags.maxInputSize * 1024 * 1024) } : {}),
    ...(flags.ignore ? { ignore: flags.ignore } : {}),
  };
}

/**
 * Engine options from the flags and the config file (flags win). Returns undefined after printing
 * one line when the config file is invalid.
 */
export async function engineOptions(flags: DocumentFlags, io: Io): Promise<EngineOptions | undefined> {
  const options: EngineOptions = { ...DEFAULT_OPTIONS, lang: flags.lang, tolerance: flags.tolerance ?? 'interval' };
  if (!flags.config) return options;
  const read = await readConfig(flags.config);
  if (!read.ok) {
    io.stderr(`zjs: ${words(flags.lang).config}: ${read.file}${read.line !== null ? `:${read.line}` : ''}: ${read.message}\n`);
    return undefined;
  }
  const c = read.config;
  const lang: Lang = c.lang && flags.lang === 'zh' ? c.lang : flags.lang;
  return {
    ...options,
    lang,
    tolerance: flags.tolerance === 'exact' ? 'exact' : (c.tolerance ?? 'interval'),
    severity: c.severity ?? {},
    context: {
      ...DEFAULT_CONTEXT,
      personnelClasses: c.personnelClasses ?? DEFAULT_CONTEXT.personnelClasses,
      publicClasses: c.publicClasses ?? DEFAULT_CONTEXT.publicClasses,
    },
  };
}

export type Loaded = { kind: 'document'; source: DocumentSource; doc: DisclosureDocument } | { kind: 'unreadable'; entry: ReportEntry };

/**
 * Reads every document found under the paths, in order. Unreadable inputs are reported on stderr
 * (one line each) and returned as unreadable entries; texts met while searching that are not
 * disclosures are passed over with a count.
 */
export async function* readDocuments(sources: readonly DocumentSource[], flags: DocumentFlags, io: Io): AsyncGenerator<Loaded> {
  let skippedFiles = 0;
  for (const source of sources) {
    const loaded = await loadDocument(source, loadOptions(flags));
    if (!loaded.ok && source.kind !== 'missing' && source.searched && loaded.error.kind === 'not-disclosure') {
      skippedFiles++;
      continue;
    }
    if (!loaded.ok) {
      const error = renderInputError(loaded.error, flags.lang);
      io.stderr(`zjs: ${words(flags.lang).error}: ${inputErrorLine(error)}\n`);
      yield { kind: 'unreadable', entry: { kind: 'unreadable', source: source.source, error } };
      continue;
    }
    yield { kind: 'document', source, doc: loaded.value };
  }
  if (skippedFiles > 0) io.stderr(`zjs: ${words(flags.lang).skipped(skippedFiles)}\n`);
}

/** Finds the documents under the paths (listing what was passed over with --verbose), or prints why there are none. */
export async function findSources(paths: readonly string[], flags: DocumentFlags, io: Io): Promise<DocumentSource[] | undefined> {
  const lang = flags.lang;
  const { sources, ignored } = await search(paths, loadOptions(flags));
  if (flags.verbose) for (const file of ignored) io.stderr(`zjs: ${words(lang).ignored(file.path, file.reason)}\n`);
  if (sources.length === 0) {
    io.stderr(`zjs: ${words(lang).error}: ${paths.join(' ')}: ${words(lang).noDocs}\n`);
    return undefined;
  }
  return sources;
}
