import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/engine/run.js';
import { at, load, SLOW } from './support.js';

/**
 * What the narrative rules report on each real document: every error and warning, each established
 * by doing the arithmetic from the document (in the comment beside it). Anything else the narrative
 * says is either checked and holds, or not understood and left unbound: never a guessed error.
 */
const EXPECTED: Array<{ file: string; findings: string[] }> = [
  {
    file: 'putuo-finance-2024.pdf',
    findings: [
      // “财政拨款收入支出总计0.3万元”: the 财政拨款收入支出决算总表 gives 2,961.68 (2,940.05 + 21.63).
      'error narrative-amount p21:14',
      // “一般公共服务支出（类）2106.66万元，占71.73%”: 2,106.66 / 2,940.05 = 71.65%.
      'error narrative-share p21:25',
    ],
  },
  { file: 'putuo-finance-2024.txt', findings: ['error narrative-amount 424', 'error narrative-share 435'] },
  {
    file: 'putuo-shegongbu-2024.pdf',
    findings: [
      // 29.42 / 307.82 = 9.5575%, printed 9.55%: truncated, not rounded.
      'warning narrative-share p18:7',
      // “年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%”: a zero 年初预算
      // has no completion rate; 307.82 / 321.02 = 95.89% is the rate of the 全年预算.
      'error narrative-completion p18:10',
    ],
  },
  {
    file: 'swu-2023.pdf',
    // “科学技术支出2,536.65万元，占总支出的0.56%”: 2,536.65 / 457,676.75 = 0.5542%. The shares of 收入总额
    // (430,725.03) and 支出总额 (457,676.75), 占总支出 under 财政拨款支出总计 (237,100.00), the head counts
    // (13个学科门类, 106个本科专业, 专任教师3265人 by rank and role) give nothing.
    findings: ['error narrative-share p17:7'],
  },
  { file: 'shanghai-final-accounts-template-2024.pdf', findings: [] },
  {
    file: 'zhuzhou-hrss-2023.txt',
    findings: [
      // “其他科学技支出(项)” for 2069999 其他科学技术支出.
      'warning narrative-subject-name 505',
      // 一般行政管理事务(项) 支出决算为632.11万元; the table's 2080102 says 670.77.
      'error narrative-amount 517',
      // 结案率 92.1% where 440 / 469 = 93.8% (the base may be another: a warning).
      'warning narrative-rate 748',
      // 金额40万元，调减4万元，实际支出35.89万元，结余结转0万元: 40 − 4 = 36.00 ≠ 35.89.
      'error narrative-arithmetic 796',
    ],
  },
];

describe.each(EXPECTED)('the narrative of $file', ({ file, findings }) => {
  it(`reports exactly its real slips: ${findings.length}`, async () => {
    const checked = checkDocument(await load(file));
    // The claim rules (narrative-*); wording rules such as placeholder-text are tested by family.
    const narrative = checked.findings.filter((f) => f.rule.startsWith('narrative-') && f.severity !== 'info');
    expect(narrative.map((f) => `${f.severity} ${f.rule} ${at(f)}`)).toEqual(findings);
  }, SLOW);
});

describe('putuo-finance-2024-seeded.pdf', () => {
  it('quotes the emptied 三公 table as empty, not as a missing row', async () => {
    const checked = checkDocument(await load('putuo-finance-2024-seeded.pdf'));
    const hit = checked.findings.find((f) => f.rule === 'narrative-amount' && /预算数合计/.test(f.message));
    expect(hit?.message).toMatch(/0\.95万元，表中为 （空表）/);
  }, SLOW);
});
