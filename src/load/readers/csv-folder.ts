import { matchTitle } from '../../templates/tables.js';
import { assemble, type SourcePart } from '../assemble.js';
import { csvRows } from '../csv.js';
import { decode, splitLines, type Decoded } from '../decode.js';
import { fail, ok } from '../errors.js';
import { mebibytes, readHead } from '../files.js';
import { textRows } from '../text/index.js';
import { textReader } from './text.js';
import { limitOf, noteDamage, readText, tableCount, templatesOf } from './support.js';
import type { FolderFile, IgnoredFile, ReadOptions, Reader, SourceBase } from './types.js';

/** One CSV per table, and the narrative in text files beside them (see docs/inputs.md, CSV folder). */
export interface CsvFolderSource extends SourceBase {
  kind: 'csv-folder';
  source: string;
  tables: string[];
  narrative: string[];
}

/** Where a table's title stands in a sheet saved as CSV: its first lines (title, tag, unit). */
const TITLE_LINES = 12;
const HEAD_BYTES = 16 * 1024;

/** The cells of a CSV line, roughly: enough to find a title, which holds no comma. */
const roughCells = (line: string): string[] => line.split(',').map((c) => c.trim().replace(/^"|"$/g, '').replace(/""/g, '"'));

/** Whether a CSV file is a sheet of a known table: a table title in its first lines. */
async function isTableSheet(file: string, options: ReadOptions): Promise<boolean> {
  const head = await readHead(file, HEAD_BYTES);
  if (!head) return false;
  const text = await decode(file, head, options.encoding);
  if (!text.ok) return false;
  return splitLines(text.value.text)
    .slice(0, TITLE_LINES)
    .some((line) => roughCells(line).some((cell) => cell !== '' && matchTitle(cell, templatesOf(options)) !== undefined));
}

const isText = (file: FolderFile): boolean => textReader.extensions.includes(file.ext) && file.ext !== '';

export const csvFolderReader: Reader<CsvFolderSource> = {
  kind: 'csv-folder',
  extensions: ['.csv'],
  maxBytes: mebibytes(64),
  // A CSV named on the command line is one table, whatever its title.
  given: (file) => ({ kind: 'csv-folder', source: file, tables: [file], narrative: [] }),
  /**
   * A folder whose CSV files include sheets of known tables is one document: those sheets, and
   * the text files beside them as its narrative. Other CSV files are passed over.
   */
  async claimFolder(dir, files, options) {
    const tables: string[] = [];
    const ignored: IgnoredFile[] = [];
    for (const file of files) {
      if (file.ext !== '.csv') continue;
      if (await isTableSheet(file.path, options)) tables.push(file.path);
      else ignored.push({ path: file.path, reason: 'not-a-table' });
    }
    if (tables.length === 0) return { ignored };
    return { source: { kind: 'csv-folder', source: dir, tables, narrative: files.filter(isText).map((f) => f.path) }, ignored };
  },
  filesOf: (source) => ({
    files: [...source.tables, ...source.narrative],
    ...(source.tables.length === 1 && source.tables[0] === source.source ? {} : { folder: source.source }),
  }),
  async read(source, options) {
    const parts: SourcePart[] = [];
    const damaged: Array<{ file: string; text: Decoded }> = [];
    const limit = limitOf(this.maxBytes, options);
    for (const file of source.tables) {
      const text = await readText(file, limit, options);
      if (!text.ok) return text;
      const rows = csvRows(file, text.value.text);
      if (!rows.ok) return rows;
      parts.push({ file, rows: rows.value });
      damaged.push({ file, text: text.value });
    }
    for (const file of source.narrative) {
      const text = await readText(file, limitOf(textReader.maxBytes, options), options);
      if (!text.ok) return text;
      parts.push({ file, rows: textRows(file, text.value.text, templatesOf(options)) });
      damaged.push({ file, text: text.value });
    }
    const doc = assemble(source.source, 'csv-folder', parts, templatesOf(options));
    for (const { file, text } of damaged) noteDamage(doc, file, text);
    if (tableCount(doc) === 0) return fail({ kind: 'not-disclosure', file: source.source });
    return ok(doc);
  },
};
