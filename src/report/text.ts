import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Lang } from '../engine/messages.js';
import { inputErrorLine } from '../engine/input-errors.js';
import type { Finding, Severity } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import type { Report, ReportDocument } from './model.js';
import { bySeverity } from './summary.js';
import { displayWidth, wrap } from './width.js';
import { acceptanceText, WORDS as SHARED } from './words.js';
import { inertReport } from './controls.js';

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** Terminal width; tables wrap to it. */
  width: number;
  /** Hide rounding notes and skipped checks (info), keep the counts. */
  quiet?: boolean;
}

const WORDS = {
  zh: {
    tables: '表格',
    found: '张',
    emptyTables: '空表',
    checks: '检查',
    run: '运行',
    passed: '通过',
    failed: '不符',
    rounding: '尾数误差',
    skipped: '跳过',
    outcome: '结果',
    pass: '通过',
    fail: '不通过',
    unreadable: '无法读取',
    missing: '缺少',
    where: '位置',
    level: '级别',
    rule: '规则',
    what: '说明',
    unit: '金额单位',
    yearSuffix: '年度',
    total: '合计',
    documents: '个文档',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    hidden: (n: number) => `（另有 ${n} 条提示未显示，去掉 --quiet 可查看）`,
    none: '未发现问题。',
    accepted: '已接受',
    acceptedCount: (n: number) => `（已接受 ${n} 条）`,
  },
  en: {
    tables: 'Tables',
    found: 'found',
    emptyTables: 'empty',
    checks: 'Checks',
    run: 'run',
    passed: 'passed',
    failed: 'failed',
    rounding: 'rounding',
    skipped: 'skipped',
    outcome: 'Outcome',
    pass: 'pass',
    fail: 'fail',
    unreadable: 'unreadable',
    missing: 'missing',
    where: 'Where',
    level: 'Level',
    rule: 'Rule',
    what: 'Finding',
    unit: 'unit',
    yearSuffix: '',
    total: 'Total',
    documents: 'document(s)',
    severity: { error: 'error', warning: 'warning', info: 'note' } as Record<Severity, string>,
    hidden: (n: number) => `(${n} notes hidden by --quiet)`,
    none: 'No problems found.',
    accepted: 'accepted',
    acceptedCount: (n: number) => ` (${n} accepted)`,
  },
} as const;

function paint(c: ChalkInstance, severity: Severity, text: string): string {
  return severity === 'error' ? c.red.bold(text) : severity === 'warning' ? c.yellow(text) : c.cyan(text);
}

function where(f: Finding): string {
  const loc = f.locations[0];
  return loc ? formatLocation(loc) : '';
}

function findingsTable(findings: readonly Finding[], options: TextOptions, c: ChalkInstance): string {
  const w = WORDS[options.lang];
  const whereWidth = Math.min(44, Math.max(8, ...findings.map((f) => displayWidth(where(f)))));
  const ruleWidth = Math.min(30, Math.max(6, ...findings.map((f) => f.rule.length)));
  const levelWidth = Math.max(options.lang === 'zh' ? 4 : 7, findings.some((f) => f.accepted) ? displayWidth(w.accepted) : 0);
  // Cell padding and borders take 13 columns for four columns.
  const what = Math.max(24, options.width - whereWidth - ruleWidth - levelWidth - 13);
  const table = new Table({
    head: [w.where, w.level, w.rule, w.what],
    colWidths: [whereWidth + 2, levelWidth + 2, ruleWidth + 2, what + 2],
    wordWrap: false,
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['grey'] : [] },
  });
  for (const f of findings) {
    if (f.accepted) {
      // Accepted findings stay listed, dimmed, with who accepted them and why.
      const note = `${SHARED[options.lang].accepted}${options.lang === 'zh' ? '：' : ': '}${acceptanceText(f.accepted, options.lang)}`;
      table.push([wrap(where(f), whereWidth), c.dim(`${w.severity[f.severity]}\n${w.accepted}`), wrap(f.rule, ruleWidth), `${wrap(f.message, what)}\n${c.dim(wrap(note, what))}`]);
      continue;
    }
    table.push([wrap(where(f), whereWidth), paint(c, f.severity, w.severity[f.severity]), wrap(f.rule, ruleWidth), wrap(f.message, what)]);
  }
  return table.toString();
}

function documentBlock(doc: ReportDocument, options: TextOptions, c: ChalkInstance): string[] {
  const w = WORDS[options.lang];
  const lines: string[] = [c.bold(`■ ${doc.source}`)];
  if (doc.outcome === 'unreadable' && doc.error) {
    lines.push(`  ${c.red.bold(w.unreadable)}: ${inputErrorLine(doc.error)}`, '');
    return lines;
  }
  const head = [doc.department, doc.year !== null ? `${doc.year}${w.yearSuffix}` : null, doc.unit ? `${w.unit} ${doc.unit}` : null].filter(Boolean);
  if (head.length > 0) lines.push(`  ${head.join(' · ')}`);
  const found = doc.tables.filter((t) => t.found);
  const empty = found.filter((t) => t.empty).map((t) => t.title);
  const missing = doc.tables.filter((t) => !t.found).map((t) => t.title);
  let tableLine = `  ${w.tables}: ${found.length}/${doc.tables.length} ${w.found}`;
  if (empty.length > 0) tableLine += `; ${w.emptyTables} ${empty.length} (${empty.join('、')})`;
  if (missing.length > 0) tableLine += `; ${c.red(`${w.missing} ${missing.join('、')}`)}`;
  lines.push(tableLine);
  const k = doc.checks;
  lines.push(
    `  ${w.checks}: ${w.run} ${k.run}, ${w.passed} ${k.passed}, ${k.failed > 0 ? c.red(`${w.failed} ${k.failed}`) : `${w.failed} 0`}, ${w.rounding} ${k.rounding}, ${w.skipped} ${k.skipped}`,
  );
  const verdict = doc.outcome === 'pass' ? c.green.bold(`✔ ${w.pass}`) : c.red.bold(`✖ ${w.fail}`);
  const accepted = doc.findings.filter((f) => f.accepted).length;
  lines.push(`  ${w.outcome}: ${verdict}${accepted > 0 ? w.acceptedCount(accepted) : ''}`);
  const shown = doc.findings.filter((f) => !(options.quiet && f.severity === 'info' && !f.accepted));
  const sorted = bySeverity(shown);
  if (sorted.length > 0) lines.push(findingsTable(sorted, options, c));
  else if (doc.findings.length === 0) lines.push(`  ${w.none}`);
  const hidden = doc.findings.length - shown.length;
  if (hidden > 0) lines.push(`  ${w.hidden(hidden)}`);
  lines.push('');
  return lines;
}

/** The terminal report: one block per document, then the batch summary. */
export function formatText(hostile: Report, options: TextOptions): string {
  // Text from documents reaches a terminal: control characters are shown, never acted on.
  const report = inertReport(hostile);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const w = WORDS[options.lang];
  const lines: string[] = [];
  for (const doc of report.documents) lines.push(...documentBlock(doc, options, c));
  const s = report.summary;
  lines.push(
    c.bold(
      `${w.total}: ${s.documents} ${w.documents}, ${w.pass} ${s.passed}, ${w.fail} ${s.failed}, ${w.unreadable} ${s.unreadable}; ` +
        `${w.severity.error} ${s.errors}, ${w.severity.warning} ${s.warnings}, ${w.severity.info} ${s.infos}` +
        (s.accepted > 0 ? `, ${w.accepted} ${s.accepted}` : ''),
    ),
  );
  return `${lines.join('\n')}\n`;
}
