import { REPORT_SIGNATURE, TOOL_NAME } from '../version.js';
import { readBytes, readHead } from './files.js';
import { entryText, zipEntries } from './zip.js';

/** How far into a file the report signature is looked for. */
const SIGNATURE_BYTES = 4096;

/** The first columns of the CSV report's header row, in each language. */
const CSV_REPORT_HEADERS: readonly (readonly string[])[] = [
  ['文档', '部门', '年度', '级别'],
  ['Document', 'Department', 'Year', 'Level'],
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Whether a file is a report zjs wrote, so that a report saved into the folder it checks is never
 * read back as a document: the signature `zjs-report` within its first 4 KB (every report format
 * carries it), the CSV report's header row, or a workbook whose creator is zjs.
 */
export async function isZjsReport(file: string, ext: string, workbookLimit: number): Promise<boolean> {
  const head = await readHead(file, SIGNATURE_BYTES);
  if (!head) return false;
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (text.includes(REPORT_SIGNATURE)) return true;
  if (ext === '.csv') {
    const first = text.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return CSV_REPORT_HEADERS.some((header) => header.every((word, i) => cells[i] === word));
  }
  if ((ext === '.xlsx' || ext === '.xlsm') && ZIP.every((b, i) => head[i] === b)) return await createdByZjs(file, workbookLimit);
  return false;
}

async function createdByZjs(file: string, limit: number): Promise<boolean> {
  const bytes = await readBytes(file, limit);
  if (!bytes.ok) return false;
  const core = zipEntries(bytes.value)?.find((e) => e.name === 'docProps/core.xml');
  const xml = core ? entryText(bytes.value, core, 64 * 1024) : undefined;
  const creator = xml ? /<dc:creator>([^<]*)<\/dc:creator>/.exec(xml)?.[1] : undefined;
  return creator?.trim() === TOOL_NAME;
}
