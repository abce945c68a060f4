import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { assemble } from '../../src/load/assemble.js';
import { layoutPages, type PdfPage } from '../../src/load/pdf-layout.js';
import { isTitleOrMeta } from '../../src/load/segment.js';
import { layoutLines, tinyPdf } from './pdf-writer.js';
import { budget, byteEdit, cellText, editedLines, fieldEdit, lineEdit, lines, loadsOrFails, printOutcomes, RUNS, tempDir, titleStarts, watchRejections } from './support.js';

/**
 * A PDF case costs far more than a text one: pdf.js reads a one-page table in about 150 ms (and
 * a damaged file fails much faster), so the whole-file property runs a hundredth of FUZZ_RUNS
 * (100 cases; `npm run fuzz` runs 2,000). zjs's own part of reading a PDF — rebuilding rows and
 * columns from the positioned text pdf.js gives — runs FUZZ_RUNS cases on positioned text
 * directly (10,000 by default).
 */
const PDF_RUNS = Math.max(1, Math.round(RUNS / 100));

const TEXT = lines('fixtures/zhuzhou-hrss-2023.txt').filter((l) => l.trim() !== '');
const STARTS = titleStarts(TEXT);
const SMALL: Uint8Array[] = ['fixtures/bad/scan.pdf', 'fixtures/bad/encrypted.pdf', 'fixtures/bad/truncated.pdf'].map((f) => new Uint8Array(readFileSync(f)));
type Edit = (b: Uint8Array) => Uint8Array;
const apply = (bytes: Uint8Array, edits: readonly Edit[]): Uint8Array => edits.reduce<Uint8Array>((b, edit) => edit(b), bytes);
const { dir, remove } = tempDir('pdf');
const watch = watchRejections();
afterAll(() => {
  watch.stop();
  remove();
});

/** A page laid out from edited lines of the Zhuzhou text, at a column pitch and font size of its own. */
const page = fc
  .tuple(editedLines(TEXT, STARTS, fc.oneof(lineEdit, fieldEdit('\t'))), fc.integer({ min: 30, max: 110 }), fc.integer({ min: 5, max: 14 }))
  .map(([ls, pitch, size]) => layoutLines(ls.slice(0, 48), pitch).map((t) => ({ ...t, size })));

const pdfBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: fc.array(page, { minLength: 1, maxLength: 2 }).map((pages) => tinyPdf(pages)) },
  { weight: 4, arbitrary: fc.tuple(fc.array(page, { minLength: 1, maxLength: 1 }), fc.array(byteEdit, { minLength: 1, maxLength: 4 })).map(([pages, edits]) => apply(tinyPdf(pages), edits)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SMALL), fc.array(byteEdit, { maxLength: 4 })).map(([pdf, edits]) => apply(pdf, edits)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Uint8Array.from([...Buffer.from('%PDF-1.4\n'), ...b])) },
);

/** Any finite coordinate pdf.js could report, from ordinary to absurd. */
const coordinate = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -50, max: 900, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e-9, 1e6, -1e6, Number.MAX_VALUE, -Number.MAX_VALUE) },
);

/** Positioned text as pdf.js gives it: the Zhuzhou lines laid out and jittered, plus stray items. */
const positioned: fc.Arbitrary<PdfPage[]> = fc
  .array(
    fc.tuple(
      editedLines(TEXT, STARTS, fc.oneof(lineEdit, fieldEdit('\t'))),
      fc.integer({ min: 20, max: 120 }),
      fc.array(fc.record({ text: cellText, x: coordinate, y: coordinate, width: coordinate, size: coordinate }), { maxLength: 12 }),
      fc.double({ min: 0, max: 12, noNaN: true }),
      fc.integer({ min: 1, max: 20 }),
    ),
    { minLength: 1, maxLength: 2 },
  )
  .map((pages) =>
    pages.map(([ls, pitch, stray, jitter, size], i) => ({
      number: i + 1,
      width: 595,
      height: 842,
      items: [
        ...layoutLines(ls.slice(0, 48), pitch).map((t, k) => ({ text: t.text, x: t.x + ((k * 7) % 5) * jitter * 0.2, y: t.y + ((k * 3) % 4) * jitter * 0.1, width: t.text.length * size, size })),
        ...stray,
      ],
    })),
  );

describe('the PDF layout (rows and columns from positioned text)', () => {
  it(`rebuilds any positioned text into rows that load and check, never throwing (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(positioned, (pages) => {
        const rows = layoutPages('doc.pdf', pages, { standsAlone: isTitleOrMeta });
        for (const row of rows) expect(row.loc.page).toBeGreaterThanOrEqual(1);
        const checked = checkDocument(assemble('doc.pdf', 'pdf', [{ file: 'doc.pdf', rows }]));
        expect(Array.isArray(checked.findings)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, budget(RUNS, 10));
});

describe('the PDF loader', () => {
  it(
    `reads any PDF, or bytes named .pdf, without throwing or hanging (${PDF_RUNS} cases)`,
    async () => {
      const file = join(dir, 'doc.pdf');
      await fc.assert(
        fc.asyncProperty(pdfBytes, async (bytes) => {
          writeFileSync(file, bytes);
          await loadsOrFails({ kind: 'pdf', source: file, file });
        }),
        { numRuns: PDF_RUNS, timeout: 30_000 },
      );
      printOutcomes('pdf');
      expect(watch.rejections).toEqual([]);
    },
    budget(PDF_RUNS, 300),
  );
});
