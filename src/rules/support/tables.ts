import type { DisclosureDocument, Row, Table, TableKey } from '../../model/document.js';
import type { Location } from '../../model/location.js';
import type { Localized } from '../../model/finding.js';
import { template } from '../../templates/tables.js';

const INDEX = new WeakMap<Table, Map<string, Row>>();

/** Row of a table by key (a code, `total`, or `income:…`/`expense:…` for the summary tables). */
export function rowOf(table: Table | undefined, key: string): Row | undefined {
  if (!table) return undefined;
  let index = INDEX.get(table);
  if (!index) {
    index = new Map(table.rows.map((r) => [r.key, r]));
    INDEX.set(table, index);
  }
  return index.get(key);
}

/** “20801 人力资源和社会保障管理事务”, or the printed label of an item row. */
export function rowLabel(row: Row): string {
  return row.code ? `${row.code} ${row.label}`.trim() : row.label.trim();
}

/** Display name of a column: the header as printed, else the template's name. */
export function columnName(table: Table, key: string): string {
  const printed = table.columns.find((c) => c.key === key)?.label;
  const spec = template(table.key).columns.find((c) => c.key === key) ?? template(table.key).incomeColumns?.find((c) => c.key === key);
  return spec?.name.zh ?? printed ?? key;
}

export function tableName(key: TableKey): Localized {
  return template(key).name;
}

/**
 * Where a finding about the whole document points: its first line as read (page 1 of a PDF, the
 * first sheet of a workbook), so no format mistakes a page line for a file line.
 */
export function documentStart(doc: DisclosureDocument): Location {
  const first = doc.narrative[0]?.loc ?? Object.values(doc.tables)[0]?.titleLoc;
  if (!first) return { file: doc.files[0] ?? doc.source, line: 1 };
  const { table: _table, row: _row, column: _column, field: _field, ...where } = first;
  return where;
}
