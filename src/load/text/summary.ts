import type { TableTemplate } from '../../templates/tables.js';
import { summaryRowKey } from '../../templates/rows.js';
import { normaliseLabel } from '../build/common.js';
import type { GridRow } from '../grid.js';
import { D, parseNumber } from '../../model/number.js';

/**
 * What a table read earlier says about the 合计 row of one read later: the 收入支出决算总表 prints
 * the year's income by source, which is the 合计 row of the 收入决算表 column by column. A plain
 * extraction that lost the empty cells of that row can be placed against it (arithmetic.ts).
 */
export type KnownTotals = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Income-table column → the summary rows whose values add up to it. */
const INCOME_SOURCES: ReadonlyArray<readonly [string, readonly (readonly string[])[]]> = [
  ['total', [['total-income']]],
  ['fiscal', [['fiscal'], ['fiscal-general', 'fiscal-fund', 'fiscal-capital']]],
  ['superior', [['superior']]],
  ['business', [['business']]],
  ['operation', [['operation']]],
  ['affiliated', [['affiliated']]],
  ['other', [['other']]],
];

/**
 * The 收入决算表 合计 row by column key, from the rebuilt rows of a 收入支出决算总表; undefined
 * unless every source row is printed once with a value known for certain (an empty cell is zero).
 */
export function incomeTotalsOf(template: TableTemplate, rows: readonly GridRow[]): Map<string, string> | undefined {
  if (template.key !== 'income-expense' || (template.incomeColumns?.length ?? 0) !== 1) return undefined;
  const byKey = new Map<string, string | null>();
  for (const r of rows) {
    const label = r.cells[0] ?? '';
    if (label === '') continue;
    const key = summaryRowKey(template, 'income', normaliseLabel(label));
    if (key === undefined) continue;
    const certain = !(r.uncertain?.unknown.includes(1) ?? false);
    byKey.set(key, byKey.has(key) || !certain ? null : (r.cells[1] ?? ''));
  }
  const out = new Map<string, string>();
  for (const [column, ways] of INCOME_SOURCES) {
    const way = ways.find((keys) => keys.every((k) => typeof byKey.get(k) === 'string'));
    if (!way) return undefined;
    let sum = new D(0);
    let decimals = 0;
    for (const k of way) {
      const text = byKey.get(k) ?? '';
      if (text === '') continue;
      const parsed = parseNumber(text);
      if (parsed.kind !== 'number') return undefined;
      sum = sum.plus(parsed.value);
      decimals = Math.max(decimals, parsed.decimals);
    }
    out.set(column, sum.isZero() ? '' : sum.toFixed(decimals));
  }
  return out;
}
