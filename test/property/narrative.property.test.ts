import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/narrative/claims/index.js';
import { LIMITS } from '../../src/narrative/claims/driver.js';
import type { DisclosureDocument, TextLine } from '../../src/model/document.js';
import { RULES } from '../../src/rules/index.js';
import { contextFor } from '../../src/rules/types.js';
import { loadText, readFixture, ZHUZHOU } from '../support/fixtures.js';
import { budget, RUNS } from './support.js';

/**
 * Bounds per character of narrative. Published text needs about 8 units of work and 0.1 claims a
 * character; the reading's own bounds allow about 2 × SUBJECT_MAX / 3 units for the subjects of a
 * dense sentence and a few passes over each sentence. A reading that rescans the sentence for each
 * figure exceeds them on the dense sentences below; a linear one cannot.
 */
const WORK_PER_CHAR = 300;
const CLAIMS_PER_CHAR = 0.5;
/** A sentence keeps at most LIMITS.uses figures in its claims: `1万元其中1万元其中…` reaches about 2.3 a character. */
const USES_PER_CHAR = 3;
const REPORT_BYTES_PER_CHAR = 400;
/** Cases: a thirtieth of the loaders' (each reads up to tens of KB and checks what it finds); `npm run fuzz` runs 6,667. */
const CASES = Math.max(100, Math.round(RUNS / 30));

const zhuzhou = loadText(readFixture(ZHUZHOU));
/** The rules that check the claims read here (narrative-amount, -share …). */
const claimRules = RULES.filter((r) => r.meta.id.startsWith('narrative-'));

/** The Zhuzhou tables with `lines` for a narrative: bindings reach real cells. */
function withNarrative(lines: readonly string[], keep: readonly TextLine[] = []): DisclosureDocument {
  const extra = lines.map((text, i) => ({ text, loc: { file: ZHUZHOU, line: 100_000 + i } }));
  return { ...zhuzhou, narrative: [...keep, ...extra] };
}

/** Reads the narrative and checks it; returns what a bound is set on. */
function measure(doc: DisclosureDocument): { chars: number; work: number; claims: number; uses: number; reportBytes: number } {
  const reading = claimsOf(doc);
  const ctx = contextFor(doc);
  const results = claimRules.flatMap((r) => r.check(doc, ctx));
  return {
    chars: doc.narrative.reduce((sum, l) => sum + l.text.length + 1, 0),
    work: reading.work,
    claims: reading.claims.length,
    uses: reading.claims.reduce((sum, c) => sum + c.uses.length, 0),
    reportBytes: JSON.stringify(results).length,
  };
}

function expectLinear(m: ReturnType<typeof measure>): void {
  expect(m.work).toBeLessThanOrEqual(WORK_PER_CHAR * m.chars);
  expect(m.claims).toBeLessThanOrEqual(CLAIMS_PER_CHAR * m.chars);
  expect(m.uses).toBeLessThanOrEqual(USES_PER_CHAR * m.chars);
  // The floor: an empty list from each rule.
  expect(m.reportBytes).toBeLessThanOrEqual(REPORT_BYTES_PER_CHAR * m.chars + 1000);
}

/** Pieces of the narrative template and of what breaks it: figures, units, marks, spaces. */
const TOKENS = [
  '1', '7', '12', '0.5', '9205.13', '1,234', '1234567890123', '.', ',', '，', '、', '；', '：', ':', '。', '！',
  '万元', '元', '亿元', '%', '％', '件', '个', '辆', '人次', '其中', '包括', '占', '的', '与上年相比', '比上年',
  '同比', '增加', '减少', '增长', '下降', '基本持平', '完成年初预算的', '年初预算为', '支出决算为', '决算数大于预算数',
  '主要原因是', '等', '结案率', '受理', '结案', '三公', '公务用车购置及运行费', '因公出国(境)费', '公务接待费', '团组',
  '合计', '总额', '本年收入合计', '基本支出', '项目支出', '货物', '工程', '服务', '金额', '实际支出', '调减', '结余结转',
  '(', ')', '（', '）', '(类)', '(款)', '(项)', '教育', '2023年', '第', '以上', ' ', '　', '\t', 'a', '收、支总计',
];

/** Whole claims of the template, so that hostile text is also dense in what the pass reads. */
const PHRASES = [
  '本年收入合计1万元，',
  '基本支出5410.44万元，占58.8%；',
  '教育(类)支出620万元，占6.7%，',
  '其中：货物1万元、工程2万元、服务3万元',
  '与上年相比，增加1万元，增长1%。',
  '比上年减少1万元，下降1%，',
  '年初预算为733万元，支出决算为632.11万元，完成年初预算的86.2%，决算数小于预算数。',
  '主要原因是：1万元、2万元等。',
  '立案受理469件，结案440件，结案率92.1%，',
  '金额10万元，调减1万元，实际支出8万元，结余结转1万元。',
  '公务用车购置及运行费1万元，车辆1辆，',
  '1万元占本年支出合计的1%',
  '合计1万元占合计1%',
  '2024年度收入支出总计1万元，',
];

const piece = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.constantFrom(...PHRASES) }), { maxLength: 40 })
  .map((ts) => ts.join(''));

const HEADINGS = [
  '第三部分 2023年度部门决算情况说明',
  '一、收入支出决算总体情况说明',
  '五、一般公共预算财政拨款支出决算情况说明',
  '七、一般公共预算财政拨款“三公”经费支出决算情况说明',
  '（一）总体情况',
  '1、社会保障和就业支出(类)人力资源和社会保障管理事务(款)行政运行(项)',
  '2、教育支出(类)',
  '3、一般公共服务支出(类)',
];

/** Short units that, repeated, made the pass quadratic: a sentence of them is read figure by figure. */
const DENSE = ['其中1万元', '支出1万元', '1万元占1%', '1万元占a的1%，', '比上年增加1万元增长1%', '(1万元)比上年增加1万元增长1%', '受理1件结案率1%', '教育(类)支出1万元', '1%'];

/** Sentences of one dense unit, up to just past the longest sentence read, some closed by 。, repeated. */
const dense = fc
  .tuple(fc.constantFrom(...DENSE), fc.integer({ min: 1, max: LIMITS.sentenceChars + 50 }), fc.boolean(), fc.integer({ min: 1, max: 8 }))
  .map(([unit, length, closed, times]) => (unit.repeat(Math.ceil(length / unit.length)) + (closed ? '。' : '')).repeat(times));

/** A narrative line: a piece, a piece repeated into a very long line (no 。 needed), dense sentences, a heading, digits or spaces. */
const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: dense },
  { weight: 6, arbitrary: piece },
  { weight: 2, arbitrary: fc.tuple(piece, fc.integer({ min: 2, max: 400 })).map(([p, n]) => p.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1', ' ', '9.', '1,', '其中', '占1%', '(类)'), fc.integer({ min: 1, max: 20_000 })).map(([p, n]) => p.repeat(n)) },
);

describe('the narrative pass on hostile text', () => {
  it(
    `does work, finds claims and reports in proportion to its input (${CASES} cases)`,
    () => {
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), (lines) => expectLinear(measure(withNarrative(lines)))),
        { numRuns: CASES },
      );
    },
    budget(CASES, 20),
  );

  // The inputs of the hardening report, each appended to the Zhuzhou narrative as one line.
  it.each([
    ['支出1万元 in sentences just short of the longest read', `${'支出1万元'.repeat(Math.floor(LIMITS.sentenceChars / 5) - 1)}。`.repeat(50)],
    ['1万元占1% in sentences just short of the longest read', `${'1万元占1%'.repeat(Math.floor(LIMITS.sentenceNumbers / 2))}。`.repeat(50)],
    ['其中1万元 ×1000', '其中1万元'.repeat(1000)],
    ['支出1万元 ×10,000, no 。', '支出1万元'.repeat(10_000)],
    ['1万元占1% ×3000', '1万元占1%'.repeat(3000)],
    ['100,000 digits', '1'.repeat(100_000)],
    ['1,000,000 spaces', ' '.repeat(1_000_000)],
    ['1,000,000 spaces between words', `支出${' '.repeat(1_000_000)}1万元`],
  ])('reads %s in linear work and keeps every claim of the document', (_name, appended) => {
    const plain = claimsOf(zhuzhou);
    const doc = withNarrative([appended], zhuzhou.narrative);
    const m = measure(doc);
    expectLinear(m);
    expect(claimsOf(doc).claims.slice(0, plain.claims.length).map((c) => c.key)).toEqual(plain.claims.map((c) => c.key));
  });

  it('reports an over-long sentence once, as a number no claim accounts for, and reads on', () => {
    const long = `${'支出1万元，占2%'.repeat(LIMITS.sentenceChars / 5)}。`;
    const reading = claimsOf(withNarrative(['五、一般公共预算财政拨款支出决算情况说明', long, '基本支出5万元，占50%。']));
    expect(reading.notRead).toEqual([{ sentence: expect.objectContaining({ text: long }), reason: 'length' }]);
    expect(reading.unbound.filter((u) => u.notRead).map((u) => u.num.text)).toEqual(['1万元']);
    expect(reading.claims.map((c) => c.sentence.text)).toContain('基本支出5万元，占50%。');
  });

  it(`keeps at most ${LIMITS.claims} claims of one sentence, and says so`, () => {
    const crowded = `${'本年收入合计1万元，'.repeat(100)}。`;
    const reading = claimsOf(withNarrative(['五、一般公共预算财政拨款支出决算情况说明', crowded]));
    expect(reading.claims.length).toBe(LIMITS.claims);
    expect(reading.notRead.map((n) => n.reason)).toEqual(['claims']);
  });

  it('does not read a run of more than 20 digits as a figure', () => {
    const reading = claimsOf(withNarrative([`本年收入合计${'9'.repeat(21)}万元，本年收入合计${'9'.repeat(20)}万元。`]));
    expect(reading.numbers.map((n) => n.num.text)).toEqual([`${'9'.repeat(20)}万元`]);
  });
});
