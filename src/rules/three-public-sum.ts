import { THREE_PUBLIC_KINDS, THREE_PUBLIC_NAMES } from '../templates/three-public.js';
import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { skipped, sumIdentity, type Operand } from './support/identity.js';
import { compact, need, rowOf, tableName } from './support/tables.js';

const MISSING_CELLS = { zh: '表中缺少所需单元格', en: 'the table lacks cells this check needs' };

/**
 * “三公”经费表, for 预算数 and 决算数 alike: 合计 = 因公出国(境) + 公务用车购置及运行维护 + 公务接待;
 * 公务用车小计 = 购置费 + 运行维护费.
 */
export const threePublicSum: Rule = {
  meta: {
    id: 'three-public-sum',
    title: { zh: '“三公”经费合计', en: '“Three public” expenditure totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['three-public'],
    messages: {
      total: {
        zh: '{table}{kind}：合计应等于因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费',
        en: '{table}, {kind}: total must equal travel abroad + official vehicles + reception',
      },
      vehicle: {
        zh: '{table}{kind}：公务用车购置及运行维护费应等于购置费 + 运行维护费',
        en: '{table}, {kind}: official vehicles must equal purchase + operation and maintenance',
      },
    },
  },
  check(doc) {
    const got = need(doc, ['three-public']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['three-public'];
    const row = rowOf(t, 'three-public');
    if (!row) return [];
    const table = tableName(t.key);
    const results: Array<CheckResult | undefined> = [];
    for (const kind of ['budget', 'actual'] as const) {
      const op = (item: keyof typeof THREE_PUBLIC_NAMES): Operand => ({
        cell: row.cells[`${kind}-${item}`],
        label: `${THREE_PUBLIC_KINDS[kind].zh} ${THREE_PUBLIC_NAMES[item].zh}`,
      });
      const params = { table, kind: THREE_PUBLIC_KINDS[kind] };
      const identity = (key: string, id: string, total: Operand, items: Operand[]) => {
        const all = [total, ...items];
        if (all.every((o) => !o.cell)) return undefined;
        if (all.some((o) => !o.cell)) {
          const locs = all.flatMap((o) => (o.cell ? [o.cell.kind === 'amount' ? o.cell.amount.loc : o.cell.loc] : []));
          return skipped(key, { id, params }, MISSING_CELLS, locs);
        }
        return sumIdentity({ key, message: { id, params }, total, items });
      };
      results.push(
        identity(`${kind}-total`, 'total', op('total'), [op('abroad'), op('vehicle'), op('reception')]),
        identity(`${kind}-vehicle`, 'vehicle', op('vehicle'), [op('purchase'), op('operation')]),
      );
    }
    return compact(results);
  },
};
