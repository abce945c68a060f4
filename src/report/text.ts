import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../engine/messages.js';
import { inputErrorLine } from '../engine/input-errors.js';
import type { Finding, Severity } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { D } from '../model/number.js';
import { REPORT_SIGNATURE } from '../version.js';
import { EMPTY_SUMMARY, renderStreamed, type Report, type ReportDocument, type ReportStream } from './model.js';
import { bySeverity, explainable, explainCommand, findingTable, isOpenProblem, rankByErrors, tableTitle, worstRule } from './summary.js';
import { displayWidth, terminalTable, type TableCell, type TableRow } from './width.js';
import { acceptanceText, WORDS, type Words } from './words.js';
import { inertReport } from './controls.js';

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** Terminal width; tables wrap to it. */
  width: number;
  /** Hide rounding notes and skipped checks (info), keep the counts. */
  quiet?: boolean;
  /** List rounding notes and skipped checks one by one instead of one line per table or rule. */
  verbose?: boolean;
}

/** Appends without spreading: a report may hold more lines than a call takes arguments. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

function paint(c: ChalkInstance, severity: Severity): (text: string) => string {
  return severity === 'error' ? (t) => c.red.bold(t) : severity === 'warning' ? (t) => c.yellow(t) : (t) => c.cyan(t);
}

function where(f: Finding): string {
  const loc = f.locations[0];
  return loc ? formatLocation(loc) : '';
}

/**
 * A location laid out in a column: broken after a “/” of its path when it does not fit, never
 * inside its line number (`…/putuo.txt:424`, not `…/putuo.txt:4` over `24`).
 */
function fitLocation(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const at = /:(p\d+:)?\d+$/.exec(text);
  const tail = at ? text.slice(at.index) : '';
  const pieces = (at ? text.slice(0, at.index) : text).split(/(?<=\/)/);
  const last = pieces.length - 1;
  pieces[last] = `${pieces[last] ?? ''}${tail}`;
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line !== '' && displayWidth(line + piece) > width) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A note that folds into a summary line by default: an open rounding difference or skipped check. */
function folds(f: Finding): boolean {
  return f.severity === 'info' && f.accepted === undefined && (f.status === 'rounding' || f.status === 'skipped');
}

/** The last line of a finding: the command that shows its computation, or else its id. */
function idLine(f: Finding, doc: ReportDocument, w: Words): string {
  // Checks that compare numbers are the ones `explain` shows term by term.
  if (explainable(f)) return `${w.explainHint}: ${explainCommand(doc.source, f.id)}`;
  return `${w.findingId}: ${f.id}`;
}

function findingsTable(doc: ReportDocument, findings: readonly Finding[], options: TextOptions, c: ChalkInstance): string[] {
  const w = WORDS[options.lang];
  let whereWidth = 8;
  let ruleWidth = 6;
  for (const f of findings) {
    whereWidth = Math.max(whereWidth, displayWidth(where(f)));
    ruleWidth = Math.max(ruleWidth, f.rule.length);
  }
  whereWidth = Math.min(44, whereWidth);
  ruleWidth = Math.min(30, ruleWidth);
  const levelWidth = Math.max(displayWidth(w.level), ...Object.values(w.severity).map(displayWidth), findings.some((f) => f.accepted) ? displayWidth(w.accepted) : 0);
  // Two spaces of indent and three gaps of two.
  const what = Math.max(24, options.width - whereWidth - ruleWidth - levelWidth - 8);
  const dim = (t: string) => c.dim(t);
  const rows = findings.map((f): TableRow => {
    const after = [c.dim(`→ ${idLine(f, doc, w)}`)];
    if (f.accepted) {
      // Accepted findings stay listed, dimmed, with who accepted them and why.
      const note = `${w.accepted}${w.colon}${acceptanceText(f.accepted, options.lang)}`;
      return { cells: [fitLocation(where(f), whereWidth), { text: `${w.severity[f.severity]}\n${w.accepted}`, paint: dim }, f.rule, { text: `${f.message}\n${note}`, paint: dim }], after };
    }
    return { cells: [fitLocation(where(f), whereWidth), { text: w.severity[f.severity], paint: paint(c, f.severity) }, f.rule, f.message], after };
  });
  const columns = [
    { head: w.where, width: whereWidth },
    { head: w.level, width: levelWidth },
    { head: w.rule, width: ruleWidth },
    { head: w.message, width: what },
  ];
  return terminalTable(columns, rows, { indent: '  ', head: (t) => c.bold(t) });
}

/** Rounding notes one line per table, skipped checks one line per table (or rule) and reason. */
function foldedLines(doc: ReportDocument, notes: readonly Finding[], options: TextOptions, c: ChalkInstance): string[] {
  const w = WORDS[options.lang];
  const rounding = notes.filter((f) => f.status === 'rounding');
  const skipped = notes.filter((f) => f.status === 'skipped');
  const lines = [`  ${c.cyan(w.foldedNotes(rounding.length, skipped.length))}`];
  const labelWidth = Math.max(displayWidth(w.status.rounding), displayWidth(w.status.skipped));
  const label = (text: string) => text + ' '.repeat(labelWidth - displayWidth(text));
  const byTable = new Map<string | null, Finding[]>();
  for (const f of rounding) {
    const list = byTable.get(findingTable(f)) ?? [];
    list.push(f);
    byTable.set(findingTable(f), list);
  }
  for (const [table, list] of byTable) {
    const diffs = list.flatMap((f) => (f.difference !== undefined ? [new D(f.difference).abs()] : [])).sort((a, b) => a.comparedTo(b));
    const smallest = diffs[0]?.toFixed(2) ?? '';
    const largest = diffs.at(-1)?.toFixed(2) ?? '';
    lines.push(`    ${label(w.status.rounding)}  ${table === null ? w.otherFindings : tableTitle(doc, table)}: ${w.roundingIn(list.length, smallest, largest)}`);
  }
  // Skipped checks of a table, whatever rule ran them, are one line per reason; the others one
  // line per rule and reason.
  const bySubject = new Map<string, { subject: string; list: Finding[] }>();
  for (const f of skipped) {
    const table = findingTable(f);
    const subject = table === null ? f.rule : `${tableTitle(doc, table)}:`;
    const key = `${subject}\u0000${f.reason ?? ''}`;
    const group = bySubject.get(key) ?? { subject, list: [] };
    group.list.push(f);
    bySubject.set(key, group);
  }
  for (const { subject, list } of bySubject.values()) {
    const first = list[0];
    if (!first) continue;
    lines.push(`    ${label(w.status.skipped)}  ${subject} ${w.skippedBy(list.length)}${first.reason !== undefined ? `${w.colon}${first.reason}` : ''}`);
  }
  return lines;
}

function documentBlock(doc: ReportDocument, options: TextOptions, c: ChalkInstance): string[] {
  const w = WORDS[options.lang];
  const lines: string[] = [c.bold(`■ ${doc.source}`)];
  if (doc.outcome === 'unreadable' && doc.error) {
    lines.push(`  ${c.red.bold(w.outcomes.unreadable)}: ${inputErrorLine(doc.error)}`, '');
    return lines;
  }
  const head = [doc.department, doc.year !== null ? `${doc.year}${w.yearSuffix}` : null, doc.unit ? `${w.unit} ${doc.unit}` : null, doc.family?.name ?? null].filter(Boolean);
  if (head.length > 0) lines.push(`  ${head.join(' · ')}`);
  const found = doc.tables.filter((t) => t.found);
  const empty = found.filter((t) => t.empty).map((t) => t.title);
  const missing = doc.tables.filter((t) => !t.found).map((t) => t.title);
  let tableLine = `  ${w.tables}: ${found.length}/${doc.tables.length} ${w.tablesFound}`;
  if (empty.length > 0) tableLine += `; ${w.emptyTables} ${empty.length} (${empty.join('、')})`;
  if (missing.length > 0) tableLine += `; ${c.red(`${w.missingTables} ${missing.join('、')}`)}`;
  lines.push(tableLine);
  const k = doc.checks;
  const x = w.check;
  lines.push(`  ${w.checks}: ${x.run} ${k.run}, ${x.passed} ${k.passed}, ${k.failed > 0 ? c.red(`${x.failed} ${k.failed}`) : `${x.failed} 0`}, ${x.rounding} ${k.rounding}, ${x.skipped} ${k.skipped}`);
  const verdict = doc.outcome === 'pass' ? c.green.bold(`✔ ${w.outcomes.pass}`) : c.red.bold(`✖ ${w.outcomes.fail}`);
  const accepted = doc.findings.filter((f) => f.accepted).length;
  lines.push(`  ${w.outcome}: ${verdict}${accepted > 0 ? w.acceptedCount(accepted) : ''}`);
  const hidden: Finding[] = [];
  const folded: Finding[] = [];
  const listed: Finding[] = [];
  for (const f of doc.findings) {
    if (options.quiet && f.severity === 'info' && !f.accepted) hidden.push(f);
    else if (!options.verbose && folds(f)) folded.push(f);
    else listed.push(f);
  }
  const shown = bySeverity(listed);
  if (shown.length > 0) append(lines, findingsTable(doc, shown, options, c));
  else if (doc.findings.length === 0) lines.push(`  ${w.none}`);
  if (folded.length > 0) append(lines, foldedLines(doc, folded, options, c));
  if (hidden.length > 0) lines.push(`  ${w.hiddenNotes(hidden.length)}`);
  lines.push('');
  return lines;
}

/** The documents, most errors first, with the rule behind most of their problems. */
function rankingLines(documents: readonly ReportDocument[], options: TextOptions, c: ChalkInstance): string[] {
  const w = WORDS[options.lang];
  const ranked = rankByErrors({ documents });
  const rows = ranked.map((t, i): TableCell[] => {
    const d = t.document;
    const worst = worstRule(d);
    return [
      String(i + 1),
      d.department ?? (d.outcome === 'unreadable' ? w.outcomes.unreadable : w.unknownDepartment),
      d.year !== null ? String(d.year) : '',
      t.errors > 0 ? { text: String(t.errors), paint: (s) => c.red.bold(s) } : '0',
      t.warnings > 0 ? { text: String(t.warnings), paint: (s) => c.yellow(s) } : '0',
      worst ? `${worst.rule} (${worst.count})` : '',
      d.source,
    ];
  });
  const width = (texts: readonly string[], head: string, cap: number) => Math.min(cap, texts.reduce((n, t) => Math.max(n, displayWidth(t)), displayWidth(head)));
  const col = (i: number) => rows.map((r) => {
    const cell = r[i] ?? '';
    return typeof cell === 'string' ? cell : cell.text;
  });
  const fixed = [
    { head: w.rank, width: width(col(0), w.rank, 5) },
    { head: w.department, width: width(col(1), w.department, 30) },
    { head: w.year, width: width(col(2), w.year, 4) },
    { head: w.severityPlural.error, width: width(col(3), w.severityPlural.error, 6) },
    { head: w.severityPlural.warning, width: width(col(4), w.severityPlural.warning, 8) },
    { head: w.worstRule, width: width(col(5), w.worstRule, 34) },
  ];
  const used = fixed.reduce((n, f) => n + f.width + 2, 2);
  const columns = [...fixed, { head: w.source, width: Math.max(16, options.width - used) }];
  const lines = [c.bold(`${w.ranking}:`)];
  append(lines, terminalTable(columns, rows, { indent: '  ', head: (t) => c.bold(t) }));
  lines.push('');
  return lines;
}

/**
 * What the ranking needs of a document once its block is written: the document with only its open
 * problems (errors and warnings nothing accepted), which decide its rank and its worst rule.
 */
function ranked(doc: ReportDocument): ReportDocument {
  return { ...doc, findings: doc.findings.filter(isOpenProblem) };
}

/**
 * The terminal report a document at a time: a first line naming it, one block per document, the
 * documents ranked, then the totals. Only each document's open problems are kept for the ranking.
 */
export function textStream(tool: Report['tool'], options: TextOptions): ReportStream {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const w = WORDS[options.lang];
  const kept: ReportDocument[] = [];
  const head = () => `${REPORT_SIGNATURE} · ${tool.name} ${tool.version} · ${w.title}\n\n`;
  return {
    document: (hostile) => {
      // Text from documents reaches a terminal: control characters are shown, never acted on.
      const doc = inertReport({ tool, documents: [hostile], summary: EMPTY_SUMMARY }).documents[0] ?? hostile;
      kept.push(ranked(doc));
      return `${kept.length === 1 ? head() : ''}${documentBlock(doc, options, c).join('\n')}\n`;
    },
    end: (s) => {
      const lines: string[] = [];
      if (kept.length > 1) append(lines, rankingLines(kept, options, c));
      const o = w.outcomes;
      lines.push(
        c.bold(
          `${w.total}: ${w.documentCount(s.documents)}, ${o.pass} ${s.passed}, ${o.fail} ${s.failed}, ${o.unreadable} ${s.unreadable}; ` +
            `${w.severity.error} ${s.errors}, ${w.severity.warning} ${s.warnings}, ${w.severity.info} ${s.infos}` +
            (s.accepted > 0 ? `, ${w.accepted} ${s.accepted}` : ''),
        ),
      );
      return `${kept.length === 0 ? head() : ''}${lines.join('\n')}\n`;
    },
  };
}

/** The terminal report: a first line naming it, one block per document, the documents ranked, then the totals. */
export function formatText(report: Report, options: TextOptions): string {
  return renderStreamed(report, textStream(report.tool, options));
}
