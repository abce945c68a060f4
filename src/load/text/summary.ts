import type { TableTemplate } from '../../templates/tables.js';
import { summaryRowKey } from '../../templates/rows.js';
import { normaliseLabel } from '../build/common.js';
import type { GridRow } from '../grid.js';
import { D, parseNumber } from '../../model/number.js';

/**
 * What a table read earlier says about the 合计 row of one read later: the 收入支出决算总表 prints
 * the year's income by source, which is the 合计 row of the 收入决算表 column by column. A plain
 * extraction that lost the empty cells of that row can be placed against it (loose.ts).
 */
export interface Known {
  /** By table key: its 合计 row, by column key. */
  totals: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /**
   * By table key: for rows by code ('' for 合计), the least value of each column, by column key.
   * The 财政拨款 spent on a 科目 is part of all that is spent on it: the 一般公共预算财政拨款支出决算表
   * (and the 高校's 财政拨款支出决算表) give the 支出决算表's 合计, 基本支出 and 项目支出 a floor.
   */
  floors: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, string>>>;
}

/** The tables whose rows are floors for the rows of another table of the same 科目, column by column. */
const FLOORS: ReadonlyArray<readonly [string, string]> = [
  ['general-budget-expense', 'expense'],
  ['fiscal-expense', 'expense'],
];

/**
 * What a rebuilt coded table says about the rows of another (see `Known.floors`): each row's
 * values known for certain, by row code and column key. Only rows rebuilt from text that lost its
 * empty cells carry the header written by the plain reader (科目编码 | 科目名称 | column names).
 */
export function floorsOf(template: TableTemplate, rows: readonly GridRow[]): { table: string; rows: Map<string, Map<string, string>> } | undefined {
  const target = FLOORS.find(([from]) => from === template.key)?.[1];
  const [header, ...body] = rows;
  if (!target || !header || header.cells[0] !== '科目编码' || header.cells[1] !== '科目名称') return undefined;
  const keys = header.cells.slice(2).map((name) => template.columns.find((c) => c.name.zh === name)?.key);
  const out = new Map<string, Map<string, string>>();
  for (const r of body) {
    const [code = '', label = ''] = r.cells;
    if (code === '' && label !== '合计') continue;
    const values = new Map<string, string>();
    keys.forEach((key, k) => {
      const text = r.cells[k + 2] ?? '';
      if (key && text !== '' && !(r.uncertain?.unknown.includes(k + 2) ?? false) && parseNumber(text).kind === 'number') values.set(key, text);
    });
    if (values.size > 0 && !out.has(code)) out.set(code, values);
  }
  return { table: target, rows: out };
}

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
