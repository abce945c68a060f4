import { csvFolderReader, type CsvFolderSource } from './csv-folder.js';
import { pdfReader, type PdfSource } from './pdf.js';
import type { Reader } from './types.js';
import { textReader, type TextSource } from './text.js';
import { xlsxReader, type XlsxSource } from './xlsx.js';

export type { FolderClaim, FolderFile, IgnoredFile, ReadOptions, Reader, SourceBase, SourceFiles } from './types.js';

/**
 * Every kind of input zjs reads, in the order a folder is offered to them: a reader that claims a
 * whole folder (CSV sheets) is asked before the files in it are read one by one.
 */
export const READERS = [csvFolderReader, textReader, pdfReader, xlsxReader] as const satisfies readonly Reader[];

/** The kinds of input, as the registry defines them. */
export type InputKind = (typeof READERS)[number]['kind'];

type SourceOf<R> = R extends Reader<infer S> ? S : never;

/** The source of a document of each registered kind. */
export type ReadableSource = SourceOf<(typeof READERS)[number]>;

export type { CsvFolderSource, PdfSource, TextSource, XlsxSource };
