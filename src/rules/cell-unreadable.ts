import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { columnName, rowLabel, tableName } from './support/tables.js';

/** An amount cell that does not read as a number: reported where it stands; other checks go on. */
export const cellUnreadable: Rule = {
  meta: {
    id: 'cell-unreadable',
    title: { zh: '金额单元格可读', en: 'Amount cells are numbers' },
    severity: 'error',
    tags: ['input'],
    tables: [],
    messages: {
      cell: { zh: '{table} {row}“{column}”的内容“{text}”不是金额', en: '{table}, {row}, column “{column}”: “{text}” is not an amount' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const table of Object.values(doc.tables)) {
      for (const row of table.rows) {
        for (const [column, cell] of Object.entries(row.cells)) {
          if (cell.kind !== 'invalid') continue;
          results.push(
            defect(
              `${table.key}/${row.key}/${column}`,
              { id: 'cell', params: { table: tableName(table.key), row: rowLabel(row), column: columnName(table, column), text: cell.text } },
              [cell.loc],
              { actual: cell.text },
            ),
          );
        }
      }
    }
    return results;
  },
};
