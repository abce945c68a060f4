import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { tableName } from './support/tables.js';
import type { TableKey } from '../model/document.js';
import { hasTemplate } from '../templates/tables.js';

/** Every table states its unit, and one document does not mix 元 and 万元. */
export const unitConsistency: Rule = {
  meta: {
    id: 'unit-consistency',
    title: { zh: '金额单位明确且一致', en: 'Amount units are stated and consistent' },
    severity: 'warning',
    tags: ['input'],
    tables: [],
    messages: {
      'unit-missing': { zh: '{table}未注明金额单位，按{unit}读取', en: 'The {table} does not state its unit; read as {unit}' },
      'unit-mixed': { zh: '文档混用金额单位（{units}），已统一换算为万元比较', en: 'The document mixes units ({units}); amounts were converted to 万元 for comparison' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const issue of doc.issues) {
      if (issue.code !== 'unit-missing' && issue.code !== 'unit-mixed') continue;
      const key = (issue.loc.table ?? '') as TableKey;
      const table = key && hasTemplate(key) ? tableName(key) : '';
      results.push(
        defect(`${issue.code}/${issue.loc.table ?? ''}`, { id: issue.code, params: { ...issue.params, table } }, [issue.loc], {
          severity: issue.code === 'unit-missing' ? 'info' : 'warning',
        }),
      );
    }
    return results;
  },
};
