import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, ENCODINGS } from '../../src/load/decode.js';
import { budget, byteEdits, encoding, lines, RUNS, watchRejections } from './support.js';

const TEXT = lines('fixtures/zhuzhou-hrss-2023.txt');
const watch = watchRejections();
afterAll(() => watch.stop());

/** Random bytes, or lines of a real text in some encoding, edited byte by byte. */
const bytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .tuple(fc.nat(), fc.integer({ min: 0, max: 40 }), encoding, byteEdits)
    .map(([start, length, encode, edits]) => edits.reduce((b, edit) => edit(b), encode(TEXT.slice(start % TEXT.length, (start % TEXT.length) + length).join('\n')))),
);

describe('the decoder', () => {
  it(
    `turns any bytes into text or an input error, never a throw (${RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(bytes, fc.option(fc.constantFrom(...ENCODINGS), { nil: undefined }), async (input, forced) => {
          const result = await decode('x.txt', input, forced);
          if (result.ok) {
            expect(result.value.text.startsWith('\uFEFF')).toBe(false);
            expect(result.value.text.trim()).not.toBe('');
            expect(/[\u0000-\u0008\u000e-\u001f\u007f]/.test(result.value.text)).toBe(false);
          } else {
            expect(['empty', 'binary', 'encoding']).toContain(result.error.kind);
            if ('line' in result.error) expect(result.error.line).toBeGreaterThanOrEqual(1);
          }
        }),
        { numRuns: RUNS, timeout: 5_000 },
      );
      expect(watch.rejections).toEqual([]);
    },
    budget(RUNS, 1),
  );
});
