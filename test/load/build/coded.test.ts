import { describe, expect, it } from 'vitest';
import { buildCoded } from '../../../src/load/build/coded.js';
import type { GridRow } from '../../../src/load/grid.js';
import type { LoadIssue } from '../../../src/model/document.js';
import { template } from '../../../src/templates/tables.js';

const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ cells, loc: { file: 't.pdf', line: i + 1, page: 1 } }));

describe('buildCoded', () => {
  it('reads a header line that starts with 合计 as header, not as the total row', () => {
    const issues: LoadIssue[] = [];
    const body = grid([
      ['', '', '', '项目', '', '', ''],
      ['', '', '', '', '合计', '基本支出', '项目支出'],
      ['', '科目编码', '', '科目名称', '', '', ''],
      ['类', '款', '项', '', '', '', ''],
      ['201', '', '', '一般公共服务支出', '1,628.81', '1,526.81', '102.00'],
      ['201', '06', '01', '行政运行', '1,280.77', '1,268.37', '12.40'],
      ['', '', '', '合计', '1,628.81', '1,526.81', '102.00'],
    ]);
    const built = buildCoded(template('general-budget-expense'), body, { table: 'general-budget-expense', unit: '万元', issues });
    expect(issues).toEqual([]);
    expect(built.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
    expect(built.rows.map((r) => r.key)).toEqual(['201', '2010601', 'total']);
    const running = built.rows[1]?.cells['project'];
    expect(running?.kind === 'amount' ? running.amount.text : running?.kind).toBe('12.40');
  });

  it('still starts the data at a lone 合计 line (an empty table)', () => {
    const issues: LoadIssue[] = [];
    const body = grid([
      ['', '', '', '科目名称', '年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
      ['类', '款', '项', '', '', '', '', '', '', ''],
      ['', '', '', '合计', '', '', '', '', '', ''],
    ]);
    const built = buildCoded(template('gov-fund'), body, { table: 'gov-fund', unit: '万元', issues });
    expect(issues).toEqual([]);
    expect(built.rows.map((r) => [r.key, Object.values(r.cells).every((c) => c.kind === 'blank')])).toEqual([['total', true]]);
  });

  describe('a 合计 row printed at the top and again at the bottom', () => {
    const body = (bottom: string) =>
      grid([
        ['科目编码', '', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '', '合计', '120.00', '100.00', '20.00'],
        ['205', '', '教育支出', '120.00', '100.00', '20.00'],
        ['20502', '', '普通教育', '120.00', '100.00', '20.00'],
        ['', '', '合计', '120.00', bottom, '20.00'],
      ]);

    it('is read once when the copies agree, with no finding', () => {
      const issues: LoadIssue[] = [];
      const built = buildCoded(template('fiscal-expense'), body('100.00'), { table: 'fiscal-expense', unit: '万元', issues });
      expect(issues).toEqual([]);
      expect(built.rows.map((r) => r.key)).toEqual(['total', '205', '20502']);
    });

    it('reports the copies where they differ, naming the column and both values', () => {
      const issues: LoadIssue[] = [];
      buildCoded(template('fiscal-expense'), body('101.00'), { table: 'fiscal-expense', unit: '万元', issues });
      expect(issues.map((i) => [i.code, i.loc.line, i.params])).toEqual([['total-copy-differs', 5, { row: '合计', column: '基本支出', first: '100.00', second: '101.00', firstLine: '2' }]]);
    });
  });
});
