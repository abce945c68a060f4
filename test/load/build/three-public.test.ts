import { describe, expect, it } from 'vitest';
import { buildThreePublic } from '../../../src/load/build/three-public.js';
import type { GridRow } from '../../../src/load/grid.js';
import type { LoadIssue } from '../../../src/model/document.js';
import { template } from '../../../src/templates/tables.js';

const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ cells, loc: { file: 't.pdf', line: i + 1, page: 1 } }));
const pairs = Array.from({ length: 6 }, () => ['预算数', '决算数']).flat();
const header = [
  ['', '合计', '', '因公出国（境）费', '', '', '', '公务用车购置及运行费', '', '', '', '公务接待费'],
  ['', '', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行费', '', ''],
  pairs,
];

describe('buildThreePublic', () => {
  it('reads the empty cells of a printed row as blank, not missing (Shanghai: 预算数/决算数 under each item)', () => {
    const issues: LoadIssue[] = [];
    const data = ['1.60', '', '', '', '', '', '', '', '', '', '1.60', ''];
    const built = buildThreePublic(template('three-public'), grid([...header, data]), { table: 'three-public', unit: '万元', issues });
    expect(issues).toEqual([]);
    const cells = built.rows[0]?.cells ?? {};
    expect(Object.keys(cells)).toHaveLength(12);
    const read = (key: string): string | undefined => {
      const cell = cells[key];
      return cell?.kind === 'amount' ? cell.amount.text : cell?.kind;
    };
    expect(read('budget-total')).toBe('1.60');
    expect(read('budget-reception')).toBe('1.60');
    expect(read('actual-total')).toBe('blank');
    expect(read('actual-reception')).toBe('blank');
  });

  it('still reports cells a row does not print at all', () => {
    const issues: LoadIssue[] = [];
    buildThreePublic(template('three-public'), grid([...header, ['1.60', '1.60']]), { table: 'three-public', unit: '万元', issues });
    expect(issues.map((i) => i.code)).toEqual(['cells-missing']);
  });
});
