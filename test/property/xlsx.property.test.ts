import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, byteEdit, cellText, loadsOrFails, printOutcomes, RUNS, tempDir, watchRejections } from './support.js';

/**
 * Workbooks cost more than text: each case writes one with exceljs and reads it back (about
 * 10 ms), so the default is a tenth of FUZZ_RUNS (1,000 cases); `npm run fuzz` runs 20,000.
 */
const XLSX_RUNS = Math.max(1, Math.round(RUNS / 10));

const { dir, remove } = tempDir('xlsx');
const watch = watchRejections();

/** The sheets of the Zhuzhou CSV folder as rows of cells. */
const SHEETS: string[][][] = readdirSync('fixtures/zhuzhou-hrss-2023-csv')
  .filter((f) => f.endsWith('.csv'))
  .map((f) =>
    readFileSync(join('fixtures/zhuzhou-hrss-2023-csv', f), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '')
      .map((l) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => (m[1] ?? '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"')).slice(0, -1)),
  );

type Value = ExcelJS.CellValue;

/** What a cell may hold: text, numbers in many formats, formulas with or without a saved result, errors, dates, rich text. */
const value: fc.Arbitrary<{ value: Value; numFmt?: string }> = fc.oneof(
  cellText.map((text) => ({ value: text })),
  fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('0.00', '#,##0.00', 'General', '0', '0.0#', '#,##0.00;(#,##0.00)', '0.00%', 'yyyy-mm-dd', '@', '"万元"0.00', '#,##0,', '[Red]0.00_ ;[Blue]-0.00 ', '0.00E+00', ';;;', '"', '[')).map(([n, numFmt]) => ({ value: n, numFmt })),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ value: n / 100, numFmt: '#,##0.00' })),
  fc.tuple(fc.string({ maxLength: 10 }), fc.option(fc.oneof(fc.double(), fc.string({ maxLength: 6 }), fc.boolean()), { nil: undefined })).map(([formula, result]) => ({ value: { formula: formula || 'A1', result } as Value })),
  fc.constantFrom<Value>({ error: '#REF!' } as Value, { error: '#DIV/0!' } as Value, true, false, new Date(Date.UTC(2023, 11, 31)), { richText: [{ text: '合' }, { text: '计' }] } as Value, null).map((v) => ({ value: v })),
);

interface Book {
  sheets: Array<{ name: string; rows: string[][]; edits: Array<[number, number, { value: Value; numFmt?: string }]>; merges: Array<[number, number, number, number]>; hidden: boolean }>;
}

const book: fc.Arbitrary<Book> = fc.record({
  sheets: fc.array(
    fc.record({
      name: fc.oneof(fc.constantFrom('收入决算表', 'Sheet1', '说明', '三公'), fc.string({ minLength: 1, maxLength: 12 })),
      rows: fc.tuple(fc.constantFrom(...SHEETS), fc.nat(), fc.integer({ min: 0, max: 40 })).map(([rows, start, length]) => (start % 2 === 0 ? rows.slice(0, length) : rows.slice(start % rows.length, (start % rows.length) + length))),
      edits: fc.array(fc.tuple(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 14 }), value), { maxLength: 8 }),
      merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 4 })), { maxLength: 3 }),
      hidden: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

async function write(spec: Book): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of spec.sheets) {
    let name = s.name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}_${used.size}`;
    used.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name, s.hidden && spec.sheets.length > 1 ? { state: 'hidden' } : {});
    s.rows.forEach((cells, r) =>
      cells.forEach((text, c) => {
        if (text === '') return;
        const amount = /^-?[\d,]+\.\d+$/.test(text);
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = amount ? Number(text.replace(/,/g, '')) : text;
        if (amount) cell.numFmt = '#,##0.00';
      }),
    );
    for (const [r, c, v] of s.edits) {
      const cell = sheet.getCell(r, c);
      try {
        cell.value = v.value;
        if (v.numFmt !== undefined) cell.numFmt = v.numFmt;
      } catch {
        // exceljs refuses some values when writing; the reader is what is under test.
      }
    }
    for (const [r, c, dr, dc] of s.merges) {
      try {
        sheet.mergeCells(r, c, r + dr, c + dc);
      } catch {
        // Overlapping merges are refused when writing.
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Small valid workbooks whose bytes the byte-level cases change. */
const seeds: Uint8Array[] = [];
beforeAll(async () => {
  for (const rows of SHEETS) seeds.push(await write({ sheets: [{ name: 'Sheet1', rows, edits: [], merges: [[1, 1, 0, 3]], hidden: false }] }));
});
afterAll(() => {
  watch.stop();
  remove();
});

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Case = { kind: 'book'; spec: Book } | { kind: 'bytes'; seed: number; edits: Array<(b: Uint8Array) => Uint8Array> } | { kind: 'random'; head: number[]; bytes: Uint8Array };

const input: fc.Arbitrary<Case> = fc.oneof(
  { weight: 5, arbitrary: book.map((spec): Case => ({ kind: 'book', spec })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bytes' as const), seed: fc.nat(), edits: fc.array(byteEdit, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), head: fc.constantFrom(ZIP, OLE, []), bytes: fc.uint8Array({ maxLength: 2048 }) }) },
);

describe('the workbook loader', () => {
  it(
    `reads any workbook, or bytes named .xlsx, without throwing or hanging (${XLSX_RUNS} cases)`,
    async () => {
      const file = join(dir, 'book.xlsx');
      await fc.assert(
        fc.asyncProperty(input, async (c) => {
          const bytes =
            c.kind === 'book'
              ? await write(c.spec)
              : c.kind === 'bytes'
                ? c.edits.reduce((b, edit) => edit(b), seeds[c.seed % seeds.length] ?? new Uint8Array())
                : Uint8Array.from([...c.head, ...c.bytes]);
          writeFileSync(file, bytes);
          await loadsOrFails({ kind: 'xlsx', source: file, file });
        }),
        { numRuns: XLSX_RUNS, timeout: 20_000 },
      );
      printOutcomes('xlsx');
      expect(watch.rejections).toEqual([]);
    },
    budget(XLSX_RUNS, 15),
  );
});
