import type { CheckResult, MessageParam } from '../../model/finding.js';
import type { Table } from '../../model/document.js';
import { functionClassName } from '../../model/function-classes.js';
import { equalIdentity } from './identity.js';
import { compact, operand, rowOf, tableName } from './tables.js';

/**
 * One appropriation column of the 财政拨款收入支出决算总表 against the table that details it:
 * 本年支出合计 with the detail table's 合计, and each 类 with its class row.
 */
export function fiscalColumnChecks(
  fiscal: Table,
  column: 'general' | 'fund' | 'capital',
  detail: Table,
  detailColumn: string,
): CheckResult[] {
  const names: Record<string, MessageParam> = { fiscal: tableName(fiscal.key), detail: tableName(detail.key) };
  const codes = new Set([
    ...fiscal.rows.filter((r) => r.side === 'expense' && r.level === 'class').map((r) => r.key.replace('expense:class-', '')),
    ...detail.rows.filter((r) => r.code?.length === 3).map((r) => r.key),
  ]);
  return compact([
    rowOf(detail, 'total') || !detail.empty
      ? equalIdentity('total', { id: 'total', params: names }, operand(fiscal, 'expense:total-expense', column), operand(detail, 'total', detailColumn))
      : undefined,
    ...[...codes].sort().map((code) =>
      equalIdentity(
        `class-${code}`,
        { id: 'class', params: { ...names, code, name: functionClassName(code) ?? code } },
        operand(fiscal, `expense:class-${code}`, column),
        operand(detail, code, detailColumn),
      ),
    ),
  ]);
}

export const FISCAL_COLUMN_MESSAGES = {
  total: {
    zh: '{fiscal}“本年支出合计”中{fund}应与{detail}合计一致',
    en: '{fiscal} total expenditure, {fund} column, must agree with the {detail} total',
  },
  class: {
    zh: '{fiscal}“{name}”中{fund}应与{detail} {code} 类一致',
    en: '{fiscal} “{name}”, {fund} column, must agree with class {code} of the {detail}',
  },
} as const;
