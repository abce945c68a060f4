import { describe, expect, it } from 'vitest';
import { buildPanels } from '../../../src/load/build/panels.js';
import type { GridRow } from '../../../src/load/grid.js';
import type { LoadIssue } from '../../../src/model/document.js';
import { template } from '../../../src/templates/tables.js';

const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ cells, loc: { file: 't.pdf', line: i + 1, page: 1 } }));

describe('buildPanels', () => {
  it('finds a panel whose 科目代码 heading is wrapped over two lines, and places a panel between two group headings by its classes', () => {
    const issues: LoadIssue[] = [];
    // 公用经费 is centred over panels 2 and 3 and lands in panel 3; 人员经费 sits over panel 1.
    const body = grid([
      ['', '人员经费', '', '', '', '', '', '公用经费', ''],
      ['', '', '', '', '', '', '科目代', '', ''],
      ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '', '科目名称', '决算数'],
      ['', '', '', '', '', '', '码', '', ''],
      ['301', '工资福利支出', '3,819.84', '302', '商品和服务支出', '1,051.24', '307', '债务利息及费用支出', '0.00'],
      ['30101', '基本工资', '1,099.91', '30201', '办公费', '68.16', '310', '资本性支出', '0.86'],
      ['人员经费合计', '', '4,358.34', '公用经费合计', '', '', '', '', '1,052.10'],
    ]);
    const built = buildPanels(template('general-budget-basic'), body, { table: 'general-budget-basic', unit: '万元', issues });
    expect(issues).toEqual([]);
    expect(built.rows.map((r) => r.key)).toEqual(['301', '302', '307', '30101', '30201', '310', 'personnel-total', 'public-total']);
    expect(built.groups).toEqual({ personnel: ['301'], public: ['302', '307', '310'] });
  });

  it('keeps the heading over a panel when it is printed inside it, whatever its classes', () => {
    const issues: LoadIssue[] = [];
    const body = grid([
      ['人员经费', '', '', '', '公用经费', '', '', '', ''],
      ['科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数', '科目代码', '科目名称', '决算数'],
      ['301', '工资福利支出', '1.00', '303', '对个人和家庭的补助', '2.00', '302', '商品和服务支出', '3.00'],
    ]);
    const built = buildPanels(template('general-budget-basic'), body, { table: 'general-budget-basic', unit: '万元', issues });
    expect(built.groups).toEqual({ personnel: ['301'], public: ['302', '303'] });
  });
});
