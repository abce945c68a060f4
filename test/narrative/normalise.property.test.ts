import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/narrative/text.js';

// A narrative line is normalised in one pass over its characters, and its spaces are looked at only
// when it has any. It must give exactly what the chain of replacements it replaces gives, on any line.
const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 2000), 20000);
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const SPACE_BEFORE = new RegExp(`(?<!\\s)\\s+(?=[${CJK}()%,.])`, 'g');
const SPACE_AFTER = new RegExp(`(?<=[${CJK}()%])\\s+`, 'g');

function chained(line: string): string {
  const half = line
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[％]/g, '%')
    .replace(/\u3000/g, ' ')
    .replace(/[\u2E80-\u2FDF]/g, (ch) => ch.normalize('NFKC'))
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
  return half.replace(SPACE_BEFORE, '').replace(SPACE_AFTER, '').trim();
}

// The narrative's own characters, the ones normalised, white space of every kind, and code points
// drawn from the mapped ranges (radicals included).
const CHARS = [...'支出决算数为万元增长占（）()％%，,。.：；、 \t\n\u00a0\u3000\u2028\u00ad\u200b\u200c\u200d\u2060\ufeffa1０９５⽤⼀⺟'];
const ranged = (lo: number, hi: number): fc.Arbitrary<string> => fc.integer({ min: lo, max: hi }).map((c) => String.fromCharCode(c));
const char = fc.oneof({ arbitrary: fc.constantFrom(...CHARS), weight: 8 }, ranged(0x2e80, 0x2fdf), ranged(0xff00, 0xffef), ranged(0x3000, 0x303f), ranged(0x20, 0x7e));
const line = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));

describe('normalise', () => {
  it('gives what the chain of replacements gives, on any line', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(normalise(l)).toBe(chained(l));
      }),
      { numRuns: RUNS },
    );
  });

  it('maps full-width brackets, digits and radicals, and drops spaces beside Chinese text', () => {
    expect(normalise('  ⽀出（类）１２ 万元 ，\u200b占 5％ ')).toBe('支出(类)12万元，占5%');
  });
});
