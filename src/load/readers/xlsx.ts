import { assemble } from '../assemble.js';
import { fail, ok } from '../errors.js';
import { mebibytes, readBytes } from '../files.js';
import { xlsxParts } from '../xlsx.js';
import { limitOf, tableCount, templatesOf } from './support.js';
import type { Reader, SourceBase } from './types.js';

/** An Excel workbook (see docs/inputs.md, Excel workbook). */
export interface XlsxSource extends SourceBase {
  kind: 'xlsx';
  source: string;
  file: string;
  searched?: true;
}

/** A workbook unpacks to this many times its size limit at most (its XML parts, all together). */
export const UNPACKED_RATIO = 4;

export const xlsxReader: Reader<XlsxSource> = {
  kind: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  maxBytes: mebibytes(64),
  given: (file) => ({ kind: 'xlsx', source: file, file }),
  // Excel's lock files (~$book.xlsx, left while a workbook is open) are not workbooks.
  searched: (file) => (file.name.startsWith('~$') ? undefined : { kind: 'xlsx', source: file.path, file: file.path, searched: true }),
  filesOf: (source) => ({ files: [source.file] }),
  async read(source, options) {
    const limit = limitOf(this.maxBytes, options);
    const bytes = await readBytes(source.file, limit);
    if (!bytes.ok) return bytes;
    const parts = await xlsxParts(source.file, bytes.value, limit * UNPACKED_RATIO);
    if (!parts.ok) return parts;
    const doc = assemble(source.source, 'xlsx', parts.value, templatesOf(options));
    if (tableCount(doc) === 0) return fail({ kind: 'not-disclosure', file: source.file });
    return ok(doc);
  },
};
