import { assemble, type SourcePart } from '../assemble.js';
import { pairSources } from '../pairs.js';
import { fail, ok } from '../errors.js';
import { mebibytes } from '../files.js';
import { textRows } from '../text/index.js';
import { limitOf, noteDamage, readText, tableCount, templatesOf } from './support.js';
import type { Reader, SourceBase } from './types.js';

/** A whole disclosure in one text file (see docs/inputs.md, Text). */
export interface TextSource extends SourceBase {
  kind: 'text';
  source: string;
  file: string;
  searched?: true;
  /** Files read after `file` as parts of the same document (docs/inputs.md, Documents in two files). */
  parts?: string[];
}

export const textReader: Reader<TextSource> = {
  kind: 'text',
  extensions: ['.txt', '.text', '.md', ''],
  maxBytes: mebibytes(64),
  given: (file) => ({ kind: 'text', source: file, file }),
  // A file without an extension is read only when named: in a folder it is anything.
  searched: (file) => (file.ext === '' ? undefined : { kind: 'text', source: file.path, file: file.path, searched: true }),
  pairUp: pairSources,
  filesOf: (source) => ({ files: [source.file, ...(source.parts ?? [])] }),
  async read(source, options) {
    const text = await readText(source.file, limitOf(this.maxBytes, options), options);
    if (!text.ok) return text;
    const templates = templatesOf(options);
    const parts: SourcePart[] = [{ file: source.file, rows: textRows(source.file, text.value.text, templates) }];
    for (const file of source.parts ?? []) {
      const more = await readText(file, limitOf(this.maxBytes, options), options);
      if (!more.ok) return more;
      parts.push({ file, rows: textRows(file, more.value.text, templates) });
    }
    const doc = assemble(source.source, 'text', parts, templates);
    noteDamage(doc, source.file, text.value);
    const fallback = text.value.fallback ? { fallback: text.value.fallback } : {};
    // Found while searching: a text without any table title is some other file, not a document.
    if (source.searched && tableCount(doc) === 0) return fail({ kind: 'not-disclosure', file: source.file, ...fallback });
    if (tableCount(doc) === 0 && !/决算|预算/.test(text.value.text)) return fail({ kind: 'not-disclosure', file: source.file, ...fallback });
    return ok(doc);
  },
};
