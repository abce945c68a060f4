import type { Lang } from '../engine/messages.js';
import type { ExplainCase, ExplainedCheck, ExplainedDocument, ExplainedTerm } from '../engine/explain.js';
import type { Relation } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { displayWidth } from './width.js';
import { inertJson, visibleControls } from './controls.js';

const WORDS = {
  zh: {
    document: '文档',
    table: '表',
    role: '角色',
    sign: '符号',
    tableCol: '表',
    row: '项目',
    column: '栏目',
    printed: '印出',
    value: '数值（万元）',
    interval: '区间',
    intervalInline: '区间',
    where: '位置',
    field: (n: number) => `第${n}栏`,
    blank: '（空，不参与计算）',
    invalid: '（不是数字）',
    unknown: '？（原文未能确定此栏数值）',
    roles: {
      sum: { total: '合计', item: '分项' },
      equal: { total: '表列', item: '对照' },
      'not-exceed': { total: '部分', item: '上限' },
      none: { total: '合计', item: '分项' },
    } as Record<Relation, { total: string; item: string }>,
    sides: {
      sum: ['表列合计', '各项之和'],
      equal: ['表列', '对照值'],
      'not-exceed': ['部分', '上限（各项之和）'],
      none: ['表列', '各项之和'],
    } as Record<Relation, [string, string]>,
    items: (n: number) => `（${n} 项）`,
    difference: '差额',
    differenceIs: (total: string, sum: string) => `${total} − ${sum}`,
    tolerance: '容差',
    toleranceParts: (parts: string) => `每个印出值的半个末位之和：${parts}`,
    verdict: '结论',
    status: { pass: '相符', rounding: '尾数误差', fail: '不符', skipped: '跳过' },
    cases: {
      exact: () => '完全相等（相符）',
      below: () => '未超过上限（相符）',
      rounding: (d: string, t: string) => `在尾数容差以内（尾数误差）：|差额| ${d} ≤ 容差 ${t}，两个区间相交`,
      beyond: (d: string, t: string) => `超出尾数容差（不符）：|差额| ${d} > 容差 ${t}，两个区间不相交`,
      skipped: () => '未能检查',
      defect: () => '不符（不是算术检查）',
    } as Record<ExplainCase, (d: string, t: string) => string>,
    reason: '原因',
    none: '没有符合条件的检查。',
    count: (n: number) => `共 ${n} 项检查`,
  },
  en: {
    document: 'Document',
    table: 'Table',
    role: 'Role',
    sign: 'Sign',
    tableCol: 'Table',
    row: 'Row',
    column: 'Column',
    printed: 'Printed',
    value: 'Value (万元)',
    interval: 'Interval',
    intervalInline: 'interval',
    where: 'Where',
    field: (n: number) => `field ${n}`,
    blank: '(empty, takes no part)',
    invalid: '(not a number)',
    unknown: '? (the source does not show this column’s value)',
    roles: {
      sum: { total: 'total', item: 'item' },
      equal: { total: 'printed', item: 'compared' },
      'not-exceed': { total: 'part', item: 'whole' },
      none: { total: 'total', item: 'item' },
    } as Record<Relation, { total: string; item: string }>,
    sides: {
      sum: ['Printed total', 'Sum of items'],
      equal: ['Printed', 'Compared with'],
      'not-exceed': ['Part', 'Whole (sum)'],
      none: ['Printed', 'Sum of items'],
    } as Record<Relation, [string, string]>,
    items: (n: number) => ` (${n} item${n === 1 ? '' : 's'})`,
    difference: 'Difference',
    differenceIs: (total: string, sum: string) => `${total} − ${sum}`,
    tolerance: 'Tolerance',
    toleranceParts: (parts: string) => `sum of the half-units of every printed value: ${parts}`,
    verdict: 'Case',
    status: { pass: 'pass', rounding: 'rounding', fail: 'fail', skipped: 'skipped' },
    cases: {
      exact: () => 'exact: both sides are equal',
      below: () => 'holds: the part does not exceed the whole',
      rounding: (d: string, t: string) => `within rounding: |difference| ${d} ≤ tolerance ${t}, the intervals meet`,
      beyond: (d: string, t: string) => `beyond rounding: |difference| ${d} > tolerance ${t}, the intervals do not meet`,
      skipped: () => 'not checked',
      defect: () => 'fail (not an arithmetic check)',
    } as Record<ExplainCase, (d: string, t: string) => string>,
    reason: 'Reason',
    none: 'No check matches.',
    count: (n: number) => `${n} check(s)`,
  },
} as const;

/** Thousands separators for reading; the JSON keeps plain decimal strings. */
function grouped(value: string): string {
  const [int = '', frac] = value.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

function where(t: ExplainedTerm, lang: Lang): string {
  const loc = t.location;
  const keys = [loc.table, loc.row, loc.column].filter((x) => x !== undefined).join('/');
  return `${formatLocation(loc)}${loc.field !== undefined ? ` ${WORDS[lang].field(loc.field)}` : ''}${keys ? ` (${keys})` : ''}`;
}

function termsTable(check: ExplainedCheck, lang: Lang): string[] {
  const w = WORDS[lang];
  const oneTable = new Set(check.terms.map((t) => t.table)).size <= 1;
  const head = [w.role, w.sign, ...(oneTable ? [] : [w.tableCol]), w.row, w.column, w.printed, w.value, w.interval, w.where];
  const right = [false, false, ...(oneTable ? [] : [false]), false, false, true, true, false, false];
  const rows = check.terms.map((t) => {
    const amount = t.kind === 'amount';
    return [
      w.roles[check.relation][t.role],
      t.role === 'total' ? '' : t.sign === -1 ? '−' : '+',
      ...(oneTable ? [] : [t.table ?? '']),
      t.row ?? '',
      t.column ?? '',
      amount ? t.text : t.kind === 'blank' ? w.blank : t.kind === 'unknown' ? w.unknown : `${t.text} ${w.invalid}`,
      amount && t.value !== undefined ? grouped(t.value) : '',
      amount && t.low !== undefined && t.high !== undefined ? `[${grouped(t.low)}, ${grouped(t.high)}]` : '',
      where(t, lang),
    ];
  });
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0, right[i]))).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)];
}

function checkBlock(check: ExplainedCheck, lang: Lang): string[] {
  const w = WORDS[lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [`● ${check.id} · ${w.status[check.status]}`, `  ${check.message}`];
  const tables = [...new Set(check.terms.map((t) => t.table).filter((t): t is string => t !== null))];
  if (tables.length === 1) lines.push(`  ${w.table}${colon}${tables[0]}`);
  if (check.terms.length > 0) lines.push('', ...termsTable(check, lang));
  else if (check.locations.length > 0) lines.push(`  ${w.where}${colon}${check.locations.map(formatLocation).join(', ')}`);
  lines.push('');
  const [totalLabel, sumLabel] = w.sides[check.relation];
  const comma = lang === 'zh' ? '，' : ', ';
  const paren = (text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`);
  const interval = (s: { low: string; high: string }) => `${w.intervalInline} [${grouped(s.low)}, ${grouped(s.high)}]`;
  if (check.total) {
    // A 元 table prints 48,006,900.00 for 4,800.69 万元: show the value only when it differs from the print.
    const value = grouped(check.total.value);
    lines.push(`  ${totalLabel}${colon}${check.total.text}${check.total.text === value ? '' : ` = ${value}`}${comma}${interval(check.total)}`);
  }
  if (check.sum) lines.push(`  ${sumLabel}${colon}${grouped(check.sum.value)}${w.items(check.sum.count)}${comma}${interval(check.sum)}`);
  if (check.difference !== undefined) lines.push(`  ${w.difference}${colon}${w.differenceIs(totalLabel, sumLabel)} = ${grouped(check.difference)}`);
  if (check.tolerance !== undefined) {
    const parts = (check.halves ?? []).map((h) => `${h.count} × ${h.half}`).join(' + ');
    lines.push(`  ${w.tolerance}${colon}±${check.tolerance}${parts ? paren(w.toleranceParts(parts)) : ''}`);
  }
  if (check.reason !== undefined) lines.push(`  ${w.reason}${colon}${check.reason}`);
  const d = check.difference !== undefined ? grouped(check.difference.replace(/^-/, '')) : '';
  lines.push(`  ${w.verdict}${colon}${w.cases[check.case](d, check.tolerance ?? '')}`, '');
  return lines;
}

/** `zjs explain` as text: per document, each matching check with every cell it read and how the rounding rule decided. */
export function formatExplainText(documents: readonly ExplainedDocument[], lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const doc of documents) {
    const name = [doc.department, doc.year !== null ? String(doc.year) : null].filter((x) => x !== null).join(' ');
    lines.push(`■ ${doc.source}${name ? ` · ${name}` : ''} · ${w.count(doc.checks.length)}`, '');
    if (doc.checks.length === 0) lines.push(`  ${w.none}`, '');
    for (const check of doc.checks) lines.push(...checkBlock(check, lang));
  }
  while (lines.at(-1) === '') lines.pop();
  // Text from documents reaches a terminal: control characters are shown, never acted on.
  return visibleControls(`${lines.join('\n')}\n`, { lines: true });
}

/** `zjs explain --format json` (schema/explain.schema.json): decimal strings, deterministic. */
export function formatExplainJson(documents: readonly ExplainedDocument[]): string {
  return inertJson(`${JSON.stringify({ tool: { name: TOOL_NAME, version: VERSION }, documents }, null, 2)}\n`);
}
