import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DisclosureDocument } from '../model/document.js';
import { assemble, type SourcePart } from './assemble.js';
import { csvRows } from './csv.js';
import { decode, type Encoding } from './decode.js';
import { fail, ok, type InputError, type Loaded } from './errors.js';
import { rowText } from './grid.js';
import { pdfRows } from './pdf.js';
import { isTitleOrMeta } from './segment.js';
import { textRows } from './text/index.js';
import { xlsxParts } from './xlsx.js';

export interface LoadOptions {
  encoding?: Encoding;
}

/** A document to check, as found on disk, before it is read. */
export type DocumentSource =
  /** `searched`: found while searching a folder, so a text that is not a disclosure is passed over. */
  | { kind: 'text'; source: string; file: string; searched?: true }
  | { kind: 'csv-folder'; source: string; tables: string[]; narrative: string[] }
  | { kind: 'pdf'; source: string; file: string }
  /** `searched`: found while searching a folder, so a workbook without any table is passed over. */
  | { kind: 'xlsx'; source: string; file: string; searched?: true }
  | { kind: 'missing'; source: string; error: InputError };

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const CSV_EXT = new Set(['.csv']);
const PDF_EXT = new Set(['.pdf']);
const XLSX_EXT = new Set(['.xlsx', '.xlsm']);
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Files or folders given by the user → the documents they hold, in a stable order. */
export async function discover(paths: readonly string[]): Promise<DocumentSource[]> {
  const found: DocumentSource[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      found.push({
        kind: 'missing',
        source: path,
        error: code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'not-found', file: path } : { kind: 'unreadable', file: path, detail: code ?? 'error' },
      });
      continue;
    }
    if (info.isDirectory()) found.push(...(await searchFolder(path)));
    else found.push(fileSource(path));
  }
  return found;
}

function fileSource(file: string): DocumentSource {
  const ext = extname(file).toLowerCase();
  if (CSV_EXT.has(ext)) return { kind: 'csv-folder', source: file, tables: [file], narrative: [] };
  if (PDF_EXT.has(ext)) return { kind: 'pdf', source: file, file };
  if (XLSX_EXT.has(ext)) return { kind: 'xlsx', source: file, file };
  if (TEXT_EXT.has(ext) || ext === '') return { kind: 'text', source: file, file };
  return { kind: 'missing', source: file, error: { kind: 'unsupported', file, extension: ext } };
}

/**
 * A folder with CSV files is one document (one CSV per table, .txt/.md beside them as
 * narrative). Any other folder is searched: each disclosure text, PDF and workbook in it, and each
 * sub-folder. Excel's lock files (~$book.xlsx, left while a workbook is open) are not workbooks.
 */
async function searchFolder(dir: string): Promise<DocumentSource[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    return [{ kind: 'missing', source: dir, error: { kind: 'unreadable', file: dir, detail: (error as NodeJS.ErrnoException).code ?? 'error' } }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.'));
  const csvs = files.filter((e) => CSV_EXT.has(extname(e.name).toLowerCase())).map((e) => join(dir, e.name));
  if (csvs.length > 0) {
    const narrative = files.filter((e) => TEXT_EXT.has(extname(e.name).toLowerCase())).map((e) => join(dir, e.name));
    return [{ kind: 'csv-folder', source: dir, tables: csvs, narrative }];
  }
  const found: DocumentSource[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name)) {
      found.push(...(await searchFolder(path)));
    } else if (entry.isFile() && PDF_EXT.has(extname(entry.name).toLowerCase())) {
      found.push({ kind: 'pdf', source: path, file: path });
    } else if (entry.isFile() && XLSX_EXT.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith('~$')) {
      found.push({ kind: 'xlsx', source: path, file: path, searched: true });
    } else if (entry.isFile() && TEXT_EXT.has(extname(entry.name).toLowerCase())) {
      found.push({ kind: 'text', source: path, file: path, searched: true });
    }
  }
  return found;
}

async function readBytes(file: string): Promise<Loaded<Uint8Array>> {
  try {
    return ok(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? { kind: 'not-found', file } : { kind: 'unreadable', file, detail: code ?? 'error' });
  }
}

async function readText(file: string, options: LoadOptions): Promise<Loaded<string>> {
  const bytes = await readBytes(file);
  if (!bytes.ok) return bytes;
  return await decode(file, bytes.value, options.encoding);
}

/** A whole-document text already in memory (tests, and text piped in by other tools). */
export function documentFromText(file: string, text: string): DisclosureDocument {
  return assemble(file, 'text', [{ file, rows: textRows(file, text) }]);
}

/** Reads one document. Input problems come back as values, never as exceptions. */
export async function loadDocument(source: DocumentSource, options: LoadOptions = {}): Promise<Loaded<DisclosureDocument>> {
  switch (source.kind) {
    case 'missing':
      return fail(source.error);
    case 'text': {
      const text = await readText(source.file, options);
      if (!text.ok) return text;
      const doc = assemble(source.source, 'text', [{ file: source.file, rows: textRows(source.file, text.value) }]);
      const tables = Object.keys(doc.tables).length;
      // Found while searching: a text without any table title is some other file, not a document.
      if (source.searched && tables === 0) return fail({ kind: 'not-disclosure', file: source.file });
      if (tables === 0 && !/决算/.test(text.value)) return fail({ kind: 'not-disclosure', file: source.file });
      return ok(doc);
    }
    case 'csv-folder': {
      const parts: SourcePart[] = [];
      for (const file of source.tables) {
        const text = await readText(file, options);
        if (!text.ok) return text;
        const rows = csvRows(file, text.value);
        if (!rows.ok) return rows;
        parts.push({ file, rows: rows.value });
      }
      for (const file of source.narrative) {
        const text = await readText(file, options);
        if (!text.ok) return text;
        parts.push({ file, rows: textRows(file, text.value) });
      }
      const doc = assemble(source.source, 'csv-folder', parts);
      if (Object.keys(doc.tables).length === 0) return fail({ kind: 'not-disclosure', file: source.source });
      return ok(doc);
    }
    case 'pdf': {
      const bytes = await readBytes(source.file);
      if (!bytes.ok) return bytes;
      if (bytes.value.length === 0) return fail({ kind: 'empty', file: source.file });
      const rows = await pdfRows(source.file, bytes.value, { standsAlone: isTitleOrMeta });
      if (!rows.ok) return rows;
      const doc = assemble(source.source, 'pdf', [{ file: source.file, rows: rows.value }]);
      if (Object.keys(doc.tables).length === 0 && !rows.value.some((row) => /决算/.test(rowText(row)))) {
        return fail({ kind: 'not-disclosure', file: source.file });
      }
      return ok(doc);
    }
    case 'xlsx': {
      const bytes = await readBytes(source.file);
      if (!bytes.ok) return bytes;
      const parts = await xlsxParts(source.file, bytes.value);
      if (!parts.ok) return parts;
      const doc = assemble(source.source, 'xlsx', parts.value);
      if (Object.keys(doc.tables).length === 0) return fail({ kind: 'not-disclosure', file: source.file });
      return ok(doc);
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}
