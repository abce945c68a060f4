import type { Rule } from './types.js';
import { defect, skipped } from './support/identity.js';
import { documentStart } from './support/tables.js';

/** Every table of the document's family must be published, empty ones included (with a note). */
export const tableMissing: Rule = {
  meta: {
    id: 'table-missing',
    title: { zh: '公开表齐全', en: 'All tables of the disclosure are present' },
    severity: 'error',
    tags: ['completeness'],
    tables: [],
    messages: {
      missing: {
        zh: '未找到{table}（{family}应公开此表，无数据的表也应公开并说明）',
        en: 'The {table} was not found (a {family} publishes it; a table without data is published empty, with a note)',
      },
    },
  },
  check(doc, ctx) {
    const where = documentStart(doc);
    const family = ctx.family.def.name;
    // A 部门预算 is often published as two files, the 说明 and the 表: the 说明 alone holds no table.
    if (ctx.family.def.kind === 'budget' && Object.keys(doc.tables).length === 0) {
      return [skipped('missing/all', { id: 'missing', params: { table: '—', family } }, { zh: '本文件只有预算说明，未含公开表（表格另行公开）', en: 'this file holds the budget narrative only; its tables are published in another file' }, [where])];
    }
    return ctx.family.def.tables
      .filter((t) => !t.optional && !doc.tables[t.key])
      .map((t) => defect(`missing/${t.key}`, { id: 'missing', params: { table: ctx.catalog.tableByKey.get(t.key)?.name ?? t.key, family } }, [where]));
  },
};
