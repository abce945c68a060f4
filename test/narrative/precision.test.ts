import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../../src/engine/run.js';
import { claimsOf } from '../../src/narrative/claims/index.js';
import { checkText, loadText, plant, readFixture } from '../support/fixtures.js';

/**
 * False errors seen on real documents, each reproduced by a small hand-made document in
 * fixtures/narrative/: the narrative must not report them, and the same sentences with a real
 * slip planted must still be reported.
 */
const FIXTURE = {
  unprinted: 'fixtures/narrative/unprinted-items.txt',
  three: 'fixtures/narrative/three-public.txt',
  brackets: 'fixtures/narrative/bracket-names.txt',
  counts: 'fixtures/narrative/counts.txt',
  direction: 'fixtures/narrative/direction-words.txt',
  wholes: 'fixtures/narrative/named-wholes.txt',
  zero: 'fixtures/narrative/zero-budget.txt',
} as const;

const check = (file: string, text = readFixture(file)): CheckedDocument => checkText(text, file);
/** Narrative findings that are not notes: what a user would be told is wrong. */
const reported = (doc: CheckedDocument) =>
  doc.findings.filter((f) => f.rule.startsWith('narrative-') && f.severity !== 'info').map((f) => `${f.rule} ${f.locations[0]?.line}: ${f.message}`);
const amounts = (file: string, text = readFixture(file)) =>
  claimsOf(loadText(text, file)).claims.flatMap((c) => (c.kind === 'amount' ? [`${c.num.text} ${c.target.binding.table}:${c.target.binding.row}:${c.target.binding.column}`] : []));

describe('narrative precision: what the narrative cannot bind is not an error', () => {
  it.each(Object.values(FIXTURE).filter((f) => f !== FIXTURE.zero))('%s: no narrative error or warning', (file) => {
    expect(reported(check(file))).toEqual([]);
  });

  it('an item the table does not print (退休人员活动费 under 2080599, 住房公积金 without a 221 row) is unbound, not “表中为 —”', () => {
    const bound = amounts(FIXTURE.unprinted);
    expect(bound.filter((b) => /^(0\.88|29\.42)万元/.test(b))).toEqual([]);
    // A printed item is still held against its row, and a zero against an item the table does not print agrees.
    expect(bound).toContain('150万元 general-budget-expense:2080505:total');
    expect(bound.some((b) => b.startsWith('0万元 general-budget-expense:absent:'))).toBe(true);
    const misprint = check(FIXTURE.unprinted, plant(readFixture(FIXTURE.unprinted), 30, '支出决算为150万元', '支出决算为105万元'));
    expect(reported(misprint).filter((f) => f.startsWith('narrative-amount'))).toEqual([expect.stringMatching(/^narrative-amount 30: .*2080505.*105万元/)]);
  });

  it('each 三公 figure binds to the item named nearest before it, and a figure whose item is not recognised is unbound', () => {
    const bound = amounts(FIXTURE.three);
    // “公务用车运行维护费支出决算为0.00万元，公务接待费支出决算为0.39万元”
    expect(bound.filter((b) => b.includes(':actual-reception')).every((b) => b.startsWith('0.39万元'))).toBe(true);
    expect(bound.filter((b) => b.includes(':actual-operation'))).toEqual(['0.00万元 three-public:three-public:actual-operation', '0.00万元 three-public:three-public:actual-operation', '0.00万元 three-public:three-public:actual-operation']);
    // 国内公务接待 is a part of 公务接待费: at most the cell.
    const reception = claimsOf(loadText(readFixture(FIXTURE.three), FIXTURE.three)).claims.filter((c) => c.kind === 'amount' && c.sentence.text.startsWith('其中：国内公务接待'));
    expect(reception.map((c) => c.kind === 'amount' && c.relation)).toEqual(['le']);
    const misprint = check(FIXTURE.three, plant(readFixture(FIXTURE.three), 27, '公务接待费支出决算为0.39万元', '公务接待费支出决算为0.93万元'));
    expect(reported(misprint)).toEqual([expect.stringMatching(/^narrative-amount 27: .*公务接待费.*0\.93万元/)]);
  });

  it('a 类/款/项 heading with a bracket inside a name (政府办公厅（室）及相关机构事务) binds to its row', () => {
    expect(amounts(FIXTURE.brackets)).toEqual(['1286.45万元 general-budget-expense:2010301:total', '356.2万元 general-budget-expense:2010302:total']);
    const misprint = check(FIXTURE.brackets, plant(readFixture(FIXTURE.brackets), 26, '支出决算为1286.45万元', '支出决算为1268.45万元'));
    expect(reported(misprint)).toContainEqual(expect.stringMatching(/^narrative-amount 26: .*2010301 行政运行.*1268\.45万元/));
  });

  it('head counts by rank and role, 学科门类 and approximate counts are not compositions; vehicles and staff of one whole are', () => {
    const compositions = claimsOf(loadText(readFixture(FIXTURE.counts), FIXTURE.counts)).claims.filter((c) => c.kind === 'composition');
    expect(compositions.map((c) => c.uses.map((n) => n.text).join(' '))).toEqual(['11辆 5辆 1辆 5辆', '222人 46人 128人 48人']);
    const misprint = check(FIXTURE.counts, plant(readFixture(FIXTURE.counts), 18, '执法执勤用车1辆', '执法执勤用车2辆'));
    expect(reported(misprint)).toEqual([expect.stringMatching(/^narrative-composition 18: /)]);
  });

  it('direction words are judged on the printed figures: 决算数小于预算数 with 5.43 against 5.44 holds', () => {
    const wrong = check(FIXTURE.direction, plant(readFixture(FIXTURE.direction), 28, '决算数小于预算数', '决算数大于预算数'));
    expect(reported(wrong)).toEqual([expect.stringMatching(/^narrative-direction 28: .*5\.43万元 小于年初预算数 5\.44万元/)]);
    // Printed equal under 小于: the word may rest on unrounded amounts, a note rather than an error.
    const equal = check(FIXTURE.direction, plant(readFixture(FIXTURE.direction), 28, '支出决算为5.43万元', '支出决算为5.44万元'));
    expect(reported(equal)).toEqual([]);
    expect(equal.findings.filter((f) => f.rule === 'narrative-direction' && f.status === 'rounding').map((f) => f.locations[0]?.line)).toEqual([28]);
  });

  it('a share is of the whole the sentence names (收入总额: the 收入合计 stated, not the figure before it)', () => {
    const misprint = check(FIXTURE.wholes, plant(readFixture(FIXTURE.wholes), 8, '占收入总额30.49%', '占收入总额30.94%'));
    expect(reported(misprint)).toEqual([expect.stringMatching(/^narrative-share 8: 136,380\.54万元占447,312\.65万元的比例：文中 30\.94%/)]);
    // 占总支出的 under 财政拨款支出总计: that total, not the 支出合计 of the section before.
    const fiscal = check(FIXTURE.wholes, plant(readFixture(FIXTURE.wholes), 18, '占总支出的16.21%', '占总支出的8.37%'));
    expect(reported(fiscal)).toEqual([expect.stringMatching(/^narrative-share 18: 36,884\.61万元占227,514\.73万元/)]);
  });

  it('a completion rate of a zero 年初预算 is an error that names the 全年预算 it is the rate of; 完成全年预算数 reads the 全年预算', () => {
    const doc = check(FIXTURE.zero);
    expect(reported(doc)).toEqual([expect.stringMatching(/^narrative-completion 12: 年初预算为 0万元.*95\.89% 是全年预算 321\.02万元 的完成率/)]);
    expect(doc.findings.find((f) => f.rule === 'narrative-completion')?.messageId).toBe('zeroFull');
    const misprint = check(FIXTURE.zero, plant(readFixture(FIXTURE.zero), 14, '完成全年预算数的98.69%', '完成全年预算数的96.89%'));
    expect(reported(misprint).filter((f) => / 14: /.test(f))).toEqual([expect.stringMatching(/^narrative-completion 14: 完成全年预算的比例/)]);
  });
});
