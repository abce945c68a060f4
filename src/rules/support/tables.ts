import type { DisclosureDocument, Row, Table, TableKey } from '../../model/document.js';
import type { CheckResult, Localized } from '../../model/finding.js';
import { template } from '../../templates/tables.js';
import { skipped, sumIdentity, type Operand } from './identity.js';

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

/** A cell as an identity operand, labelled for `explain`. */
export function operand(table: Table | undefined, rowKey: string, column: string, sign: 1 | -1 = 1): Operand {
  const row = rowOf(table, rowKey);
  return { cell: row?.cells[column], label: `${rowKey} ${column}`, sign };
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

const MISSING: (key: TableKey) => Localized = (key) => ({
  zh: `未找到${template(key).name.zh}`,
  en: `the ${template(key).name.en} was not found`,
});

/**
 * The tables a rule needs, or one `skipped` result per missing table: a rule that cannot run
 * says so instead of passing silently.
 */
export function need<K extends TableKey>(
  doc: DisclosureDocument,
  keys: readonly K[],
): { tables: Record<K, Table> } | { skipped: CheckResult[] } {
  const missing = keys.filter((k) => !doc.tables[k]);
  if (missing.length > 0) {
    return { skipped: missing.map((k) => skipped(`missing/${k}`, { id: 'title', params: {} }, MISSING(k))) };
  }
  return { tables: Object.fromEntries(keys.map((k) => [k, doc.tables[k]])) as Record<K, Table> };
}

const NO_TOTAL_ROW: (key: TableKey) => Localized = (key) => ({
  zh: `${template(key).name.zh}中未找到“合计”行`,
  en: `the ${template(key).name.en} has no total row`,
});

/**
 * A table that has data but lacks the row a check starts from: one `skipped` result saying so
 * (an empty table has nothing to check and gives nothing).
 */
export function missingRow(table: Table, rowKey: string, key = `missing-row/${table.key}/${rowKey}`): CheckResult[] {
  if (table.empty) return [];
  return [skipped(key, { id: 'title', params: {} }, rowKey === 'total' ? NO_TOTAL_ROW(table.key) : { zh: `${template(table.key).name.zh}中未找到“${rowKey}”行`, en: `the ${template(table.key).name.en} has no “${rowKey}” row` })];
}

/** Keeps the checks that apply (an all-blank identity has nothing to check). */
export function compact(results: ReadonlyArray<CheckResult | undefined>): CheckResult[] {
  return results.filter((r): r is CheckResult => r !== undefined);
}

/** Column keys of a table that hold amounts, in template order. */
export function amountColumns(table: Table): string[] {
  return table.columns.map((c) => c.key);
}

/**
 * 类/款/项 roll-ups of a coded table, per amount column: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项.
 * A level with no printed children has nothing to roll up.
 */
export function rollups(table: Table, messageId: string, columns: readonly string[] = amountColumns(table)): CheckResult[] {
  const classes: Row[] = [];
  const children = new Map<string, Row[]>();
  for (const row of table.rows) {
    if (!row.code) continue;
    if (row.code.length === 3) classes.push(row);
    else {
      const parent = row.code.slice(0, row.code.length - 2);
      const list = children.get(parent) ?? [];
      list.push(row);
      children.set(parent, list);
    }
  }
  const results: Array<CheckResult | undefined> = [];
  const name = tableName(table.key);
  const total = rowOf(table, 'total');
  for (const column of columns) {
    const columnLabel = columnName(table, column);
    const check = (parent: Row, kids: readonly Row[] | undefined): void => {
      if (!kids || kids.length === 0) return;
      results.push(
        sumIdentity({
          key: `${table.key}/${parent.key}/${column}`,
          message: { id: messageId, params: { table: name, row: rowLabel(parent), column: columnLabel } },
          total: operand(table, parent.key, column),
          items: kids.map((k) => operand(table, k.key, column)),
        }),
      );
    };
    if (total) check(total, classes);
    for (const row of table.rows) if (row.code && row.code.length < 7) check(row, children.get(row.code));
  }
  return compact(results);
}

/** Per row: the total column equals the sum of the part columns that the table prints. */
export function rowSums(table: Table, messageId: string, totalColumn: string, partColumns: readonly string[]): CheckResult[] {
  const present = partColumns.filter((c) => table.columns.some((col) => col.key === c));
  if (!table.columns.some((c) => c.key === totalColumn) || present.length === 0) return [];
  const name = tableName(table.key);
  const parts = present.map((c) => columnName(table, c)).join(' + ');
  return compact(
    table.rows.map((row) =>
      sumIdentity({
        key: `${table.key}/${row.key}/${totalColumn}`,
        message: { id: messageId, params: { table: name, row: rowLabel(row), total: columnName(table, totalColumn), parts } },
        total: operand(table, row.key, totalColumn),
        items: present.map((c) => operand(table, row.key, c)),
      }),
    ),
  );
}

/** Per row of a fund table: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出. */
export function fundBalances(table: Table, messageId: string): CheckResult[] {
  const has = (c: string) => table.columns.some((col) => col.key === c);
  if (!['opening', 'income', 'total', 'closing'].every(has)) return [];
  const name = tableName(table.key);
  return compact(
    table.rows.map((row) =>
      sumIdentity({
        key: `${table.key}/${row.key}/closing`,
        message: { id: messageId, params: { table: name, row: rowLabel(row) } },
        total: operand(table, row.key, 'closing'),
        items: [operand(table, row.key, 'opening'), operand(table, row.key, 'income'), operand(table, row.key, 'total', -1)],
      }),
    ),
  );
}
