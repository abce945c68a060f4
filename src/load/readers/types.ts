import type { DisclosureDocument } from '../../model/document.js';
import type { Encoding } from '../decode.js';
import type { Loaded } from '../errors.js';
import type { CompiledCatalog } from '../../templates/compiled.js';

/** How documents are read: an encoding to force, and a size limit for every input. */
export interface ReadOptions {
  encoding?: Encoding;
  /** Replaces every reader's own limit: the largest file read, in bytes. */
  maxBytes?: number;
  /**
   * The run's catalog (the built-in one with a config's tables and title, header and row
   * synonyms): the tables recognised in the documents that config governs. Built-in by default.
   */
  catalog?: CompiledCatalog;
}

/** What every document source has: its kind, and the path the user gave or the search found. */
export interface SourceBase {
  kind: string;
  source: string;
  /** Found while searching a folder: a file of the kind that holds no table is passed over. */
  searched?: true;
}

/** A file in a searched folder. */
export interface FolderFile {
  path: string;
  name: string;
  /** Its extension, lower case, with the dot ('' when there is none). */
  ext: string;
}

/** A file passed over while searching, and why (listed with `--verbose`). */
export interface IgnoredFile {
  path: string;
  reason: 'not-a-table' | 'report' | 'pattern';
}

/** What a reader makes of a whole folder: one document of its kind, and files it passes over. */
export interface FolderClaim<S> {
  source?: S;
  ignored: IgnoredFile[];
}

/** The files a document is read from, and the folder it is when it is one: never to be written. */
export interface SourceFiles {
  files: string[];
  folder?: string;
}

/**
 * One kind of input. Adding a kind is one file with one of these, one line in READERS, one entry
 * in docs/inputs.md and one test. Methods (not function properties) so that a reader of one
 * source type stands in the registry of all.
 */
export interface Reader<S extends SourceBase = SourceBase> {
  readonly kind: S['kind'];
  /** Extensions it reads, lower case with the dot; '' for a file without one. */
  readonly extensions: readonly string[];
  /** The largest file it reads, in bytes (`ReadOptions.maxBytes` replaces it). */
  readonly maxBytes: number;
  /** A file named on the command line with one of its extensions. */
  given(file: string): S;
  /** A file met while searching a folder; undefined to pass it over. */
  searched?(file: FolderFile): S | undefined;
  /** A searched folder as one document of this kind (its files sorted by name), or files it passes over. */
  claimFolder?(dir: string, files: readonly FolderFile[], options: ReadOptions): Promise<FolderClaim<S>>;
  /**
   * Joins sources of this kind found in one search that are parts of one document (a 说明 and a
   * 表 published as two files); the others come back as they are, in order.
   */
  pairUp?(sources: readonly S[]): S[];
  filesOf(source: S): SourceFiles;
  read(source: S, options: ReadOptions): Promise<Loaded<DisclosureDocument>>;
}
