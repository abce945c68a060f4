import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { budget, byteEdits, cellText, encoding, fieldEdit, lineEdit, lineInsert, lineMove, lines, loadsOrFails, printOutcomes, RUNS, tempDir, watchRejections } from './support.js';

const FOLDERS = ['fixtures/zhuzhou-hrss-2023-csv', 'fixtures/shanghai-sample-2024-csv', 'fixtures/bad/non-numeric'];
const SHEETS = FOLDERS.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => lines(join(folder, f))));
const NARRATIVE = lines('fixtures/zhuzhou-hrss-2023-csv/narrative.txt');
const { dir, remove } = tempDir('csv');
const watch = watchRejections();
afterAll(() => {
  watch.stop();
  remove();
});

/** A quote dropped, added or doubled somewhere in a line: the CSV parser's hardest cases. */
const quoteEdit: fc.Arbitrary<(ls: string[]) => string[]> = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('"', '""', '",', ',"', '\r', '\n')).map(([i, j, q]) => (ls: string[]) => {
  const out = [...ls];
  const k = i % Math.max(1, out.length);
  const line = out[k] ?? '';
  const at = j % (line.length + 1);
  out[k] = line.slice(0, at) + q + line.slice(at);
  return out;
});

function csvFields(line: string): string[] {
  const fields = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1] ?? '');
  return fields.slice(0, Math.max(1, fields.length - (line.endsWith(',') ? 0 : 1)));
}

/** One field of one row replaced by an odd cell, quoted as Excel quotes it: the row keeps its width. */
const cellEdit: fc.Arbitrary<(ls: string[]) => string[]> = fc.tuple(fc.nat(), fc.nat(), cellText).map(([i, j, text]) => (ls: string[]) => {
  const out = [...ls];
  const k = i % Math.max(1, out.length);
  const fields = csvFields(out[k] ?? '');
  fields[j % fields.length] = /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  out[k] = fields.join(',');
  return out;
});

/** One sheet: random bytes, or a real one edited (rows, fields, quotes), encoded, then edited byte by byte. */
const sheetBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 1024 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...SHEETS), fc.array(fc.oneof({ weight: 6, arbitrary: cellEdit }, { weight: 3, arbitrary: lineMove }, { weight: 1, arbitrary: fieldEdit(',') }, { weight: 1, arbitrary: lineInsert }, { weight: 1, arbitrary: quoteEdit }), { maxLength: 4 }), fc.constantFrom('\r\n', '\n'), encoding, byteEdits)
      .map(([sheet, edits, eol, encode, bytes]) => bytes.reduce((b, edit) => edit(b), encode(edits.reduce((ls, edit) => edit(ls), sheet).join(eol)))),
  },
);

const narrativeBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.nat(), fc.integer({ min: 0, max: 40 }), fc.array(lineEdit, { maxLength: 3 }), encoding)
  .map(([start, length, edits, encode]) => encode(edits.reduce((ls, edit) => edit(ls), NARRATIVE.slice(start % NARRATIVE.length, (start % NARRATIVE.length) + length)).join('\r\n')));

/** One case: a single CSV file, or a folder of one to three sheets with or without narrative. */
const input = fc.oneof(
  { weight: 3, arbitrary: sheetBytes.map((sheet) => ({ sheets: [sheet], narrative: null, folder: false })) },
  { weight: 2, arbitrary: fc.record({ sheets: fc.array(sheetBytes, { minLength: 1, maxLength: 3 }), narrative: fc.option(narrativeBytes), folder: fc.constant(true) }) },
);

describe('the CSV loader', () => {
  it(
    `reads CSV files and folders without throwing or hanging (${RUNS} cases)`,
    async () => {
      const folder = join(dir, 'folder');
      await fc.assert(
        fc
          .asyncProperty(input, async ({ sheets, narrative, folder: asFolder }) => {
            mkdirSync(folder, { recursive: true });
            const tables = sheets.map((bytes, i) => {
              const file = join(folder, `0${i + 1}-表.csv`);
              writeFileSync(file, bytes);
              return file;
            });
            const texts = narrative ? [join(folder, 'narrative.txt')] : [];
            if (narrative) writeFileSync(join(folder, 'narrative.txt'), narrative);
            await loadsOrFails({ kind: 'csv-folder', source: asFolder ? folder : (tables[0] ?? folder), tables, narrative: texts });
          })
          .beforeEach(() => rmSync(folder, { recursive: true, force: true })),
        { numRuns: RUNS, timeout: 5_000 },
      );
      printOutcomes('csv');
      expect(watch.rejections).toEqual([]);
    },
    budget(RUNS, 4),
  );
});
