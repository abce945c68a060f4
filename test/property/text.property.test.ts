import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { budget, byteEdits, editedLines, encoding, fieldEdit, lineEdit, lines, loadsOrFails, printOutcomes, RUNS, tempDir, titleStarts, watchRejections } from './support.js';

const FIXTURES = ['fixtures/zhuzhou-hrss-2023.txt', 'fixtures/shanghai-sample-2024.txt', 'fixtures/synthetic/full-2024-yuan.txt'].map(lines);
const { dir, remove } = tempDir('text');
const watch = watchRejections();
afterAll(() => {
  watch.stop();
  remove();
});

/** A whole-document text: random bytes, or a window of a real one edited line by line and cell by cell, encoded, then edited byte by byte. */
const documentBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...FIXTURES).chain((source) => editedLines(source, titleStarts(source), fc.oneof(lineEdit, fieldEdit('\t')))),
        fc.constantFrom('\n', '\r\n', '\r'),
        encoding,
        byteEdits,
      )
      .map(([ls, eol, encode, edits]) => edits.reduce((bytes, edit) => edit(bytes), encode(ls.join(eol)))),
  },
);

describe('the whole-document text loader', () => {
  it(
    `never throws, never hangs, and every document it loads can be checked (${RUNS} cases)`,
    async () => {
      const file = join(dir, 'doc.txt');
      await fc.assert(
        fc.asyncProperty(documentBytes, fc.boolean(), async (bytes, searched) => {
          writeFileSync(file, bytes);
          await loadsOrFails(searched ? { kind: 'text', source: file, file, searched: true } : { kind: 'text', source: file, file });
        }),
        { numRuns: RUNS, timeout: 5_000 },
      );
      printOutcomes('text');
      expect(watch.rejections).toEqual([]);
    },
    budget(RUNS, 5),
  );
});
