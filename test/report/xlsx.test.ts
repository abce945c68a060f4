import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script of the repository, without declarations.
import { writeCity } from '../../scripts/city.js';
import type { Lang } from '../../src/engine/messages.js';
import type { Report } from '../../src/report/model.js';
import { formatXlsx, xlsxStream } from '../../src/report/xlsx.js';
import { ACCEPTANCE, BATCH, reportFor, SINGLE } from './support.js';
import { dumpWorkbook } from './xlsx-dump.js';

let city: string;
beforeAll(() => {
  city = mkdtempSync(join(tmpdir(), 'zjs-xlsx-city-'));
  (writeCity as (n: number, d: string) => string[])(9, city);
});
afterAll(() => rmSync(city, { recursive: true, force: true }));

const DATE = '2024-06-01T08:00:00.000Z';

/** The workbook written document by document, as `zjs check -f xlsx -o FILE` writes it. */
async function streamed(report: Report, lang: Lang): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const stream = await xlsxStream(out, report.tool, { lang, date: DATE });
  for (const doc of report.documents) stream.document(doc);
  await stream.end(report.summary);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('xlsx written document by document', () => {
  const cases: Array<[string, () => Promise<Report>, Lang]> = [
    ['one document', () => reportFor(SINGLE, 'en'), 'en'],
    ['the batch with an unreadable file', () => reportFor(BATCH, 'zh'), 'zh'],
    ['the batch with accepted findings', () => reportFor(BATCH, 'zh', ACCEPTANCE), 'zh'],
    ['a city of 9 documents', () => reportFor([city], 'zh'), 'zh'],
    ['no document', async () => ({ ...(await reportFor(SINGLE, 'zh')), documents: [], summary: { documents: 0, passed: 0, failed: 0, unreadable: 0, errors: 0, warnings: 0, infos: 0, accepted: 0 } }), 'zh'],
  ];
  for (const [name, make, lang] of cases) {
    it(`holds the workbook rendered whole, cell for cell with fonts and fills: ${name}`, async () => {
      const report = await make();
      // The streaming writer keeps no table of shared strings (it would grow with every message), and
      // a cell of empty text written inline reads back as no cell at all: both show as blank.
      const dump = { styles: true, skipEmptyText: true };
      const whole = await dumpWorkbook(await formatXlsx(report, { lang, date: DATE }), dump);
      const written = await dumpWorkbook(await streamed(report, lang), dump);
      expect(written).toBe(whole);
      if (report.documents.length > 0) expect(whole).toContain('"fgColor":{"argb":"FFFEE4E2"}');
    });
  }
});
