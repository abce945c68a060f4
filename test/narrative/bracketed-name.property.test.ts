import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketedNameAtEnd } from '../../src/narrative/claims/amount.js';

// A figure's subject takes the clause before it when that clause ends with a short bracketed name
// (“一般公共预算财政拨款(基本支出)”). It is found by reading backwards; it must be exactly what the
// pattern it replaces finds, on any text.
const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 2000), 20000);
const PATTERN = /[^，,；;：:、。()]*\([^()]{1,6}\)$/;

const text = fc.array(fc.constantFrom('(', ')', '，', ',', '；', ';', '：', ':', '、', '。', '支', '出', '基', '本', 'a', ' ', '\n', '1'), { maxLength: 30 }).map((cs) => cs.join(''));

describe('bracketedNameAtEnd', () => {
  it('finds what the end-anchored pattern finds, at any end', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, at) => {
        const end = t.length === 0 ? 0 : at % (t.length + 1);
        expect(bracketedNameAtEnd(t, end)).toBe(PATTERN.exec(t.slice(0, end))?.[0]);
      }),
      { numRuns: RUNS },
    );
  });

  it('takes the clause up to the mark before it', () => {
    const sentence = '其中：一般公共预算财政拨款(基本支出)为';
    expect(bracketedNameAtEnd(sentence, sentence.indexOf('为'))).toBe('一般公共预算财政拨款(基本支出)');
    // Seven characters in the brackets: not a short name.
    const long = '支出(一二三四五六七)';
    expect(bracketedNameAtEnd(long, long.length)).toBeUndefined();
  });
});
