import { assemble } from '../assemble.js';
import { fail, ok } from '../errors.js';
import { mebibytes, readBytes } from '../files.js';
import { rowText } from '../grid.js';
import { pdfRows } from '../pdf.js';
import { isTitleOrMeta } from '../segment.js';
import { limitOf, tableCount } from './support.js';
import type { Reader, SourceBase } from './types.js';

/** A PDF with a text layer (see docs/inputs.md, PDF). */
export interface PdfSource extends SourceBase {
  kind: 'pdf';
  source: string;
  file: string;
}

export const pdfReader: Reader<PdfSource> = {
  kind: 'pdf',
  extensions: ['.pdf'],
  maxBytes: mebibytes(256),
  given: (file) => ({ kind: 'pdf', source: file, file }),
  searched: (file) => ({ kind: 'pdf', source: file.path, file: file.path }),
  filesOf: (source) => ({ files: [source.file] }),
  async read(source, options) {
    const bytes = await readBytes(source.file, limitOf(this.maxBytes, options));
    if (!bytes.ok) return bytes;
    if (bytes.value.length === 0) return fail({ kind: 'empty', file: source.file });
    const rows = await pdfRows(source.file, bytes.value, { standsAlone: isTitleOrMeta });
    if (!rows.ok) return rows;
    const doc = assemble(source.source, 'pdf', [{ file: source.file, rows: rows.value }]);
    if (tableCount(doc) === 0 && !rows.value.some((row) => /决算|预算/.test(rowText(row)))) return fail({ kind: 'not-disclosure', file: source.file });
    return ok(doc);
  },
};
