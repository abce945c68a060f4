import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { notExceed, type Operand } from './support/identity.js';
import { compact, need, operand, rowOf, tableName } from './support/tables.js';

/**
 * 基本支出决算表 lines of the 三公 kinds may not exceed the 三公 决算数 (basic spending is part of
 * all appropriation spending): 30212 ≤ 因公出国(境), 30217 ≤ 公务接待, 30231 ≤ 公务用车运行维护,
 * 31013 ≤ 公务用车购置. When the vehicle split is not printed, 30231 + 31013 ≤ 公务用车小计.
 */
export const crossThreePublicBasic: Rule = {
  meta: {
    id: 'cross-three-public-basic',
    title: { zh: '基本支出中的“三公”科目不超过“三公”经费决算数', en: 'Basic-expenditure “three public” lines do not exceed the three-public table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['general-budget-basic', 'three-public'],
    messages: {
      line: {
        zh: '{basic} {code} {name} 不应超过{three}决算数“{item}”',
        en: '{basic} line {code} {name} must not exceed the {three} actual “{item}”',
      },
      vehicle: {
        zh: '{basic} 30231 公务用车运行维护费不应超过{three}决算数“公务用车购置及运行维护费”减去 31013 公务用车购置',
        en: '{basic} line 30231 must not exceed the {three} actual official-vehicle subtotal less line 31013',
      },
    },
  },
  check(doc) {
    const got = need(doc, ['general-budget-basic', 'three-public']);
    if ('skipped' in got) return got.skipped;
    const gbb = got.tables['general-budget-basic'];
    const tp = got.tables['three-public'];
    // An empty 三公 table means no 三公 spending: every cell reads as an exact zero.
    const row = rowOf(tp, 'three-public') ?? { cells: Object.fromEntries(['abroad', 'reception', 'operation', 'purchase', 'vehicle'].map((i) => [`actual-${i}`, { kind: 'blank', loc: tp.titleLoc } as const])) };
    const names = { basic: tableName(gbb.key), three: tableName(tp.key) };
    const actual = (item: string, label: string): Operand => ({ cell: row.cells[`actual-${item}`], label });
    const line = (code: string, name: string, item: string, label: string): CheckResult | undefined => {
      if (!rowOf(gbb, code) || !row.cells[`actual-${item}`]) return undefined;
      return notExceed(`${code}/${item}`, { id: 'line', params: { ...names, code, name, item: label } }, operand(gbb, code, 'amount'), actual(item, label));
    };
    const vehicleSplit = row.cells['actual-operation'] && row.cells['actual-purchase'];
    const results = [
      line('30212', '因公出国（境）费用', 'abroad', '因公出国（境）费'),
      line('30217', '公务接待费', 'reception', '公务接待费'),
      line('30231', '公务用车运行维护费', 'operation', '公务用车运行维护费'),
      line('31013', '公务用车购置', 'purchase', '公务用车购置费'),
    ];
    if (!vehicleSplit && row.cells['actual-vehicle'] && rowOf(gbb, '30231')) {
      // Without the vehicle split, 30231 may not exceed the vehicle subtotal less 31013.
      results.push(
        notExceed('30231/vehicle', { id: 'vehicle', params: names }, operand(gbb, '30231', 'amount'), [
          actual('vehicle', '公务用车购置及运行维护费'),
          operand(gbb, '31013', 'amount', -1),
        ]),
      );
    }
    return compact(results);
  },
};

