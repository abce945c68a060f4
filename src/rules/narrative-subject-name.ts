import type { Rule } from './types.js';
import { claimsOfKind, narrativeResult } from './support/narrative.js';
import { tableName } from './support/tables.js';

/**
 * A 类/款/项 heading names each level as the table does: “其他科学技支出(项)” for 2069999
 * 其他科学技术支出 is a wording error. A trailing 支出 and 和/及 are not counted as differences.
 */
export const narrativeSubjectName: Rule = {
  meta: {
    id: 'narrative-subject-name',
    title: { zh: '情况说明中的科目名称与表格一致', en: 'Narrative 科目 names agree with the tables' },
    severity: 'warning',
    tags: ['narrative'],
    tables: [],
    messages: {
      name: { zh: '情况说明写作“{printed}”，{table}中 {code} 的科目名称为“{official}”', en: 'The narrative writes “{printed}”; the {table} names {code} “{official}”' },
    },
  },
  check(doc) {
    return claimsOfKind(doc, 'name').map((claim) =>
      narrativeResult(claim, 'fail', 'name', { printed: claim.printed, official: claim.row.label, code: claim.row.code ?? claim.row.key, table: tableName(claim.table) }, [claim.loc, claim.row.loc]),
    );
  },
};
