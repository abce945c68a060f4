import type { Rule } from './types.js';
import { sumIdentity } from './support/identity.js';
import { compact, need, operand, rowLabel, tableName } from './support/tables.js';

/** 基本支出决算表: each economic class (301, 302…) equals the sum of its items (30101…). */
export const basicRollup: Rule = {
  meta: {
    id: 'basic-rollup',
    title: { zh: '基本支出决算表经济分类类级汇总', en: 'Basic expenditure table: economic class totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['general-budget-basic'],
    messages: {
      rollup: { zh: '{table} {row}应等于其下各款之和', en: '{table}: {row} must equal the sum of its items' },
    },
  },
  check(doc) {
    const got = need(doc, ['general-budget-basic']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['general-budget-basic'];
    const table = tableName(t.key);
    return compact(
      t.rows
        .filter((r) => r.code?.length === 3)
        .map((cls) => {
          const items = t.rows.filter((r) => r.code?.length === 5 && r.code.startsWith(cls.code ?? '-'));
          if (items.length === 0) return undefined;
          return sumIdentity({
            key: `${cls.key}/amount`,
            message: { id: 'rollup', params: { table, row: rowLabel(cls) } },
            total: operand(t, cls.key, 'amount'),
            items: items.map((i) => operand(t, i.key, 'amount')),
          });
        }),
    );
  },
};
