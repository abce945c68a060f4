import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/load/index.js';
import { otherDocumentClaims } from '../../src/narrative/other-document.js';
import { budgetClaims } from '../../src/sets/claims.js';
import { readFixture } from '../support/fixtures.js';
import { BUDGET_2024 } from '../support/planted.js';

const claimsOf = (text: string) => budgetClaims(documentFromText(BUDGET_2024, text));

describe('the 比上年 claims of a 预算 (from the narrative’s comparisons with another document)', () => {
  it('reads one claim per item of the generated 2024 budget, with this year’s figure, the change and its direction', () => {
    expect(claimsOf(readFixture(BUDGET_2024)).map((c) => [c.key, c.current?.text, c.change?.sign, c.change?.text, c.change?.half, c.loc.line])).toEqual([
      ['previous/total', '2,090.00', 1, '145.00', '0.005', 6],
      ['previous/fiscal', '2,050.00', 1, '140.00', '0.005', 8],
      ['previous/general', '1,850.00', 1, '120.00', '0.005', 10],
      ['previous/three-public', '62.00', -1, '53.00', '0.005', 12],
    ]);
  });

  it('is the same comparison `zjs claims` lists as needing last year’s document', () => {
    const doc = documentFromText(BUDGET_2024, readFixture(BUDGET_2024));
    const listed = otherDocumentClaims(doc, 'budget').map((c) => `${c.location.line} ${c.change?.text ?? ''}`);
    for (const c of budgetClaims(doc)) expect(listed).toContain(`${c.loc.line} ${c.change?.text ?? ''}万元`);
  });

  it('takes a total only with this year’s figure: a bare “收、支预算总计各增加” in the 财政拨款 section is not the whole budget', () => {
    const text = readFixture(BUDGET_2024)
      .replace('，比上年增加145.00万元，增长7.46%。', '。')
      .replace('2024年财政拨款收支预算总额2,050.00万元，比上年增加140.00万元，增长7.33%。', '与上年相比收、支预算总计各增加140.00万元。与上年相比，财政拨款支出增加140.00万元。');
    const claims = claimsOf(text);
    expect(claims.map((c) => [c.key, c.current?.text ?? null, c.change?.text])).toEqual([
      ['previous/fiscal', null, '140.00'],
      ['previous/general', '1,850.00', '120.00'],
      ['previous/three-public', '62.00', '53.00'],
    ]);
  });

  it('leaves out comparisons with last year’s budget of other figures (会议费, 机关运行经费) and with a named year', () => {
    const text = readFixture(BUDGET_2024).replace('第三部分 名词解释', '会议费预算支出30万元，比上年预算增加5万元。一般公共预算机关运行经费预算支出100.00万元，比2023年增加10.00万元。\n第三部分 名词解释');
    expect(claimsOf(text).map((c) => c.key)).toEqual(['previous/total', 'previous/fiscal', 'previous/general', 'previous/three-public']);
  });
});
