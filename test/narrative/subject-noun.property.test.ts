import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectNoun } from '../../src/narrative/bind.js';

// A figure's subject is stripped to its noun by reading its ends by hand. It must strip exactly
// what the four patterns it replaces, applied in turn, strip, on any subject.
const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 2000), 20000);

const byPatterns = (subject: string): string =>
  subject
    .replace(/(为|是|达到?|共计|合计为|总计为|约为|约|为人民币)$/, '')
    .replace(/^(其中|包括|主要是|主要包括|主要用于)/, '')
    .replace(/^.*?20\d{2}年度?/, '')
    .replace(/^(全年|本年度|本单位|本部门|我单位|我部门)/, '');

// The subjects' own words, pieces of them, years and digits, and line breaks.
const WORDS = ['为', '是', '达', '到', '达到', '共计', '合计为', '总计为', '约为', '约', '为人民币', '人民币', '其中', '包括', '主要是', '主要包括', '主要用于', '主要', '全年', '本年度', '本单位', '本部门', '我单位', '我部门', '本年', '2023年', '2024年度', '20', '2', '0', '9', '年', '度', '支出', '决算数', '一般公共预算财政拨款', '\n', '\u2028', ' ', '，'];
const subject = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join(''));

describe('subjectNoun', () => {
  it('strips what the four patterns strip, on any subject', () => {
    fc.assert(
      fc.property(subject, (s) => {
        expect(subjectNoun(s)).toBe(byPatterns(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('strips a leading year, the owner and the verb', () => {
    expect(subjectNoun('其中2024年度本单位一般公共预算财政拨款支出决算数为')).toBe('一般公共预算财政拨款支出决算数');
    expect(subjectNoun('支出总计为')).toBe('支出');
  });
});
