import type { Rule } from './types.js';
import { sumIdentity } from './support/identity.js';
import { compact, missingRow, need, operand, rowOf, tableName } from './support/tables.js';

/**
 * 基本支出决算表: 人员经费合计 = Σ the classes listed under 人员经费 (301, 303), 公用经费合计 =
 * Σ those under 公用经费 (302, 307, 310, 399…). The document's own grouping is used when printed.
 */
export const basicTotals: Rule = {
  meta: {
    id: 'basic-totals',
    title: { zh: '基本支出决算表人员经费、公用经费合计', en: 'Basic expenditure table: personnel and public expense totals' },
    severity: 'error',
    tags: ['table'],
    tables: ['general-budget-basic'],
    messages: {
      personnel: { zh: '{table}“人员经费合计”应等于 {classes} 之和', en: '{table}: personnel total must equal the sum of {classes}' },
      public: { zh: '{table}“公用经费合计”应等于 {classes} 之和', en: '{table}: public expense total must equal the sum of {classes}' },
      total: { zh: '{table}“合计”应等于人员经费合计 + 公用经费合计', en: '{table}: total must equal personnel + public expense totals' },
    },
  },
  check(doc, ctx) {
    const got = need(doc, ['general-budget-basic']);
    if ('skipped' in got) return got.skipped;
    const t = got.tables['general-budget-basic'];
    const table = tableName(t.key);
    const present = new Set(t.rows.filter((r) => r.code?.length === 3).map((r) => r.key));
    const personnel = (t.groups?.personnel ?? ctx.personnelClasses).filter((c) => present.has(c));
    const publicClasses = (t.groups?.public ?? ctx.publicClasses).filter((c) => present.has(c));
    const group = (key: string, id: string, classes: string[]) =>
      classes.length === 0
        ? undefined
        : !rowOf(t, key)
          ? missingRow(t, id === 'personnel' ? '人员经费合计' : '公用经费合计', key)[0]
          : sumIdentity({
            key,
            message: { id, params: { table, classes: classes.join('、') } },
            total: operand(t, key, 'amount'),
            items: classes.map((c) => operand(t, c, 'amount')),
          });
    return compact([
      group('personnel-total', 'personnel', personnel),
      group('public-total', 'public', publicClasses),
      rowOf(t, 'total')
        ? sumIdentity({
            key: 'total',
            message: { id: 'total', params: { table } },
            total: operand(t, 'total', 'amount'),
            items: [operand(t, 'personnel-total', 'amount'), operand(t, 'public-total', 'amount')],
          })
        : undefined,
    ]);
  },
};
