import type { DisclosureDocument } from '../model/document.js';
import { assemble } from './assemble.js';
import { searchWith, type Discovery, type MissingSource, type SearchOptions } from './discover.js';
import { fail, type Loaded } from './errors.js';
import { READERS, type ReadableSource, type Reader, type SourceBase, type SourceFiles } from './readers/index.js';
import { textRows } from './text/index.js';
import { templatesOf } from './readers/support.js';

export type { Discovery, MissingSource, SearchOptions } from './discover.js';
export { READERS, type IgnoredFile, type InputKind, type ReadOptions, type Reader, type SourceBase, type SourceFiles } from './readers/index.js';

/** How documents are found and read: an encoding to force, a size limit, patterns to pass over. */
export type LoadOptions = SearchOptions;

/** A document to check, as found on disk, before it is read: one of each registered kind, or a missing path. */
export type DocumentSource = ReadableSource | MissingSource;

/** Files or folders given by the user → the documents they hold and the files passed over. */
export async function search(paths: readonly string[], options?: SearchOptions): Promise<Discovery<DocumentSource>>;
export async function search(paths: readonly string[], options: SearchOptions, readers: readonly Reader[]): Promise<Discovery<SourceBase | MissingSource>>;
export async function search(paths: readonly string[], options: SearchOptions = {}, readers: readonly Reader[] = READERS): Promise<Discovery<SourceBase | MissingSource>> {
  return await searchWith(readers, paths, options);
}

/** Files or folders given by the user → the documents they hold, in a stable order. */
export async function discover(paths: readonly string[], options?: SearchOptions): Promise<DocumentSource[]>;
export async function discover(paths: readonly string[], options: SearchOptions, readers: readonly Reader[]): Promise<Array<SourceBase | MissingSource>>;
export async function discover(paths: readonly string[], options: SearchOptions = {}, readers: readonly Reader[] = READERS): Promise<Array<SourceBase | MissingSource>> {
  return (await searchWith(readers, paths, options)).sources;
}

const isMissing = (source: SourceBase | MissingSource): source is MissingSource => source.kind === 'missing' && 'error' in source;

function readerOf(source: SourceBase, readers: readonly Reader[]): Reader | undefined {
  return readers.find((r) => r.kind === source.kind);
}

/** The files a document is read from, and the folder it is when it is one: what no output may overwrite. */
export function inputsOf(source: SourceBase | MissingSource, readers: readonly Reader[] = READERS): SourceFiles {
  if (isMissing(source)) return { files: [] };
  return readerOf(source, readers)?.filesOf(source) ?? { files: [] };
}

/**
 * Reads one document with the reader of its kind. Input problems come back as values, never as
 * exceptions; a reader that throws all the same (a bug, or a file that exhausts a limit of the
 * runtime) fails this document alone, as unreadable with the reason, so a batch goes on.
 */
export async function loadDocument(source: SourceBase | MissingSource, options: LoadOptions = {}, readers: readonly Reader[] = READERS): Promise<Loaded<DisclosureDocument>> {
  if (isMissing(source)) return fail(source.error);
  const reader = readerOf(source, readers);
  if (!reader) return fail({ kind: 'unsupported', file: source.source, extension: source.kind });
  try {
    return await reader.read(source, options);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail({ kind: 'unreadable', file: source.source, detail });
  }
}

/** A whole-document text already in memory (tests, and text piped in by other tools). */
export function documentFromText(file: string, text: string, options: Pick<LoadOptions, 'catalog'> = {}): DisclosureDocument {
  const templates = templatesOf(options);
  return assemble(file, 'text', [{ file, rows: textRows(file, text, templates) }], templates);
}
