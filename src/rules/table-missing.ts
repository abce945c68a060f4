import { TABLE_KEYS } from '../model/document.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { tableName } from './support/tables.js';

/** All nine tables must be published, empty ones included (with a note). */
export const tableMissing: Rule = {
  meta: {
    id: 'table-missing',
    title: { zh: '九张公开表齐全', en: 'All nine tables are present' },
    severity: 'error',
    tags: ['completeness'],
    tables: [],
    messages: {
      missing: { zh: '未找到{table}（公开表应有九张，无数据的表也应公开并说明）', en: 'The {table} was not found (all nine tables must be published, empty ones with a note)' },
    },
  },
  check(doc) {
    const where = { file: doc.files[0] ?? doc.source, line: 1 };
    return TABLE_KEYS.filter((k) => !doc.tables[k]).map((k) => defect(`missing/${k}`, { id: 'missing', params: { table: tableName(k) } }, [where]));
  },
};
