import { describe, expect, it } from 'vitest';
import { checkText, readFixture } from '../support/fixtures.js';
import { SYNTHETIC } from '../support/planted.js';

/** The synthetic document with its 国有资本经营 table in the Shanghai layout: 年初/本年收入/本年支出/年末. */
function withCarryOver(closing223: string): string {
  const lines = readFixture(SYNTHETIC).split('\n');
  const start = lines.findIndex((l) => l.startsWith('项目\t\t本年支出') && lines[l.length] !== undefined);
  const header = lines.findIndex((l, i) => i > 280 && l.startsWith('项目\t'));
  expect(header).toBeGreaterThan(start);
  const block = [
    '项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
    '科目代码\t科目名称\t\t\t小计\t基本支出\t项目支出\t',
    '栏次\t\t1\t2\t3\t4\t5\t6',
    '合计\t\t10.00\t250.00\t245.60\t45.60\t200.00\t14.40',
    `223\t国有资本经营预算支出\t10.00\t250.00\t245.60\t45.60\t200.00\t${closing223}`,
    '22301\t解决历史遗留问题及改革成本支出\t0.00\t45.60\t45.60\t45.60\t0.00\t0.00',
    '2230105\t国有企业退休人员社会化管理补助支出\t0.00\t45.60\t45.60\t45.60\t0.00\t0.00',
    '22302\t国有企业资本金注入\t10.00\t204.40\t200.00\t0.00\t200.00\t14.40',
    '2230299\t其他国有企业资本金注入\t10.00\t204.40\t200.00\t0.00\t200.00\t14.40',
  ];
  lines.splice(header, 9, ...block);
  return lines.join('\n');
}

describe('state-capital-balance', () => {
  it('finds nothing wrong when 年末 = 年初 + 本年收入 − 本年支出 on every row', () => {
    const doc = checkText(withCarryOver('14.40'), SYNTHETIC, { keepResults: true });
    expect(doc.findings.filter((f) => f.rule === 'state-capital-balance')).toEqual([]);
    expect(doc.results.filter((r) => r.rule === 'state-capital-balance')).toHaveLength(6);
  });

  it('reports a row whose 年末结转和结余 does not follow', () => {
    const text = withCarryOver('15.40');
    const line = text.split('\n').findIndex((l) => l.startsWith('223\t国有资本经营预算支出\t10.00')) + 1;
    const doc = checkText(text, SYNTHETIC);
    const hits = doc.findings.filter((f) => f.rule === 'state-capital-balance' && f.status === 'fail');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.locations.map((l) => l.line)).toContain(line);
    expect(hits[0]).toMatchObject({ actual: '15.40', expected: '14.40', difference: '1.00', severity: 'error' });
  });
});
