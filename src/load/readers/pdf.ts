import { assemble, type SourcePart } from '../assemble.js';
import { pairSources } from '../pairs.js';
import { fail, ok } from '../errors.js';
import { mebibytes, readBytes } from '../files.js';
import { rowText } from '../grid.js';
import { pdfRows } from '../pdf.js';
import { isTitleOrMeta } from '../segment.js';
import { limitOf, tableCount, templatesOf } from './support.js';
import type { Reader, SourceBase } from './types.js';

/** A PDF with a text layer (see docs/inputs.md, PDF), and the PDFs that continue it (its 表). */
export interface PdfSource extends SourceBase {
  kind: 'pdf';
  source: string;
  file: string;
  /** Files read after `file` as parts of the same document (docs/inputs.md, Documents in two files). */
  parts?: string[];
}

export const pdfReader: Reader<PdfSource> = {
  kind: 'pdf',
  extensions: ['.pdf'],
  maxBytes: mebibytes(256),
  given: (file) => ({ kind: 'pdf', source: file, file }),
  searched: (file) => ({ kind: 'pdf', source: file.path, file: file.path }),
  pairUp: pairSources,
  filesOf: (source) => ({ files: [source.file, ...(source.parts ?? [])] }),
  async read(source, options) {
    const templates = templatesOf(options);
    const parts: SourcePart[] = [];
    for (const file of [source.file, ...(source.parts ?? [])]) {
      const bytes = await readBytes(file, limitOf(this.maxBytes, options));
      if (!bytes.ok) return bytes;
      if (bytes.value.length === 0) return fail({ kind: 'empty', file });
      const rows = await pdfRows(file, bytes.value, { standsAlone: (text) => isTitleOrMeta(text, templates) });
      if (!rows.ok) return rows;
      parts.push({ file, rows: rows.value });
    }
    const doc = assemble(source.source, 'pdf', parts, templates);
    if (tableCount(doc) === 0 && !parts.some((part) => part.rows.some((row) => /决算|预算/.test(rowText(row))))) return fail({ kind: 'not-disclosure', file: source.file });
    return ok(doc);
  },
};
