import type { Side } from '../model/document.js';
import type { Localized } from '../model/finding.js';
import { functionClassCode, functionClassName } from '../model/function-classes.js';
import { TABLES } from './catalog/tables.js';
import { anyOf, type RowSpec, type TableTemplate } from './tables.js';

export type { RowSpec };

/** Item rows of the two-sided tables, per table and side, from the catalog's table definitions. */
const SPECS = new Map<string, { income: RowSpec[]; expense: RowSpec[] }>(
  TABLES.filter((t) => t.rows).map((t) => [
    t.key,
    {
      income: (t.rows?.income ?? []).map((r) => ({ key: r.key, name: r.name, match: anyOf(r.labels) })),
      expense: (t.rows?.expense ?? []).map((r) => ({ key: r.key, name: r.name, match: anyOf(r.labels) })),
    },
  ]),
);

/** Lines printed after 年初/年末 结转 that break it down by fund: they get a prefixed key. */
const BREAKDOWN_AFTER: Record<string, string> = { opening: 'opening-', closing: 'closing-' };

/**
 * The key of a summary-table row from its printed label, given the previous row key on the same
 * side (a fund line after 年初财政拨款结转和结余 is part of it, not an income line).
 */
export function summaryRowKey(template: Pick<TableTemplate, 'rows'>, side: Side, label: string, previous?: string): string | undefined {
  const specs = template.rows?.[side] ?? [];
  // “其中：…” details the line above it and is no item of its own: never part of a sum.
  const detail = /^其中[:：]?(.*)$/.exec(label);
  if (detail) {
    const parent = previous?.replace(/^sub:([^:]+):.*$/, '$1');
    if (!parent) return undefined;
    const what = specs.find((s) => s.match.test(detail[1] ?? ''))?.key ?? 'line';
    return `sub:${parent}:${what}`;
  }
  if (side === 'expense') {
    const code = functionClassCode(label);
    if (code) return `class-${code}`;
  }
  const spec = specs.find((s) => s.match.test(label));
  if (!spec) return undefined;
  const base = previous?.replace(/^(opening|closing)-.*/, '$1');
  const prefix = base ? BREAKDOWN_AFTER[base] : undefined;
  if (prefix && /^(general|fund|capital)$/.test(spec.key)) return `${prefix}${spec.key}`;
  return spec.key;
}

/** Whether a summary-table row key is a “其中” detail line. */
export function isDetailRow(key: string): boolean {
  return /(^|:)sub:/.test(key);
}

/** Display name of a summary-table row key. */
export function summaryRowName(key: string): Localized {
  const cls = /^class-(\d{3})$/.exec(key);
  if (cls?.[1]) {
    const name = functionClassName(cls[1]) ?? cls[1];
    return { zh: name, en: `${name} (${cls[1]})` };
  }
  const plain = key.replace(/^(opening|closing)-/, '');
  const all = [...SPECS.values()].flatMap((s) => [...s.income, ...s.expense]);
  const spec = all.find((s) => s.key === plain) ?? all.find((s) => s.key === key);
  return spec ? spec.name : { zh: key, en: key };
}
