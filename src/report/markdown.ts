import type { Lang } from '../engine/messages.js';
import { inputErrorLine } from '../engine/input-errors.js';
import type { Finding, Severity } from '../model/finding.js';
import { formatLocation } from '../model/location.js';
import { REPORT_SIGNATURE } from '../version.js';
import type { Report, ReportDocument } from './model.js';
import { bySeverity, explainable, explainCommand, groupByTable, primaryLocation, rankByErrors, tally } from './summary.js';
import { acceptanceText, WORDS, type Words } from './words.js';

export interface MarkdownOptions {
  lang: Lang;
  /** Bytes the report may take; GitHub's job summary takes 1 MiB. */
  limit?: number;
  /** Where the full report of the run is, named when the Markdown is trimmed. */
  fullReport?: string;
}

/** GitHub's limit for a step summary. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };
const ACCEPTED_ICON = '☑️';
const OUTCOME_ICON: Record<ReportDocument['outcome'], string> = { pass: '✅', fail: '❌', unreadable: '⛔' };

/**
 * Inline text from documents and messages, made inert: characters that start emphasis, links, code
 * or HTML are backslash-escaped or turned into entities, and a line break becomes `<br>` so that a
 * table row stays one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function documentName(doc: ReportDocument, w: Words): string {
  return doc.department ?? (doc.outcome === 'unreadable' ? doc.source : w.unknownDepartment);
}

function checksCell(doc: ReportDocument): string {
  const k = doc.checks;
  return `${k.run} / ${k.passed} / ${k.failed} / ${k.rounding} / ${k.skipped}`;
}

function summaryBlock(report: Report, w: Words): string[] {
  const s = report.summary;
  const withClaims = report.documents.some((d) => d.claims !== undefined);
  const withAccepted = s.accepted > 0;
  const lines = [
    `**${w.documents} ${s.documents}** · ${w.outcomes.pass} ${s.passed} · ${w.outcomes.fail} ${s.failed} · ${w.outcomes.unreadable} ${s.unreadable} · ` +
      `${ICON.error} ${w.severityPlural.error} ${s.errors} · ${ICON.warning} ${w.severityPlural.warning} ${s.warnings} · ${ICON.info} ${w.severityPlural.info} ${s.infos}` +
      (withAccepted ? ` · ${ACCEPTED_ICON} ${w.accepted} ${s.accepted}` : ''),
    '',
  ];
  if (report.documents.length > 1) lines.push(`${w.ranking}:`, '');
  const check = w.check;
  const head = [
    w.department,
    w.year,
    w.outcome,
    w.severityPlural.error,
    w.severityPlural.warning,
    w.severityPlural.info,
    ...(withAccepted ? [w.accepted] : []),
    `${w.checks} (${check.run} / ${check.passed} / ${check.failed} / ${check.rounding} / ${check.skipped})`,
    ...(withClaims ? [`${w.claims} (${w.claim.found} / ${w.claim.checked} / ${w.claim.unbound})`] : []),
    w.source,
  ];
  lines.push(row(head), row(head.map((_, i) => (i >= 3 && i <= (withAccepted ? 6 : 5) ? '---:' : '---'))));
  for (const t of rankByErrors(report)) {
    const d = t.document;
    lines.push(
      row([
        escapeMarkdown(documentName(d, w)),
        d.year !== null ? String(d.year) : '',
        `${OUTCOME_ICON[d.outcome]} ${w.outcomes[d.outcome]}`,
        String(t.errors),
        String(t.warnings),
        String(t.infos),
        ...(withAccepted ? [String(t.accepted)] : []),
        d.outcome === 'unreadable' ? '' : checksCell(d),
        ...(withClaims ? [d.claims ? `${d.claims.found} / ${d.claims.checked} / ${d.claims.unbound}` : ''] : []),
        escapeMarkdown(d.source),
      ]),
    );
  }
  lines.push('');
  return lines;
}

/** The finding's id under its message, as the command that explains it when it compares numbers. */
function idCell(f: Finding, doc: ReportDocument, w: Words): string {
  const colon = w.colon;
  if (explainable(f)) return `${escapeMarkdown(w.explainHint)}${colon}<code>${escapeMarkdown(explainCommand(doc.source, f.id))}</code>`;
  return `${escapeMarkdown(w.findingId)}${colon}<code>${escapeMarkdown(f.id)}</code>`;
}

function findingRows(doc: ReportDocument, findings: readonly Finding[], w: Words): string[] {
  const lines = [row([w.level, w.where, w.rule, w.message]), row(['---', '---', '---', '---'])];
  for (const f of findings) {
    const loc = primaryLocation(f);
    lines.push(
      row([
        `${ICON[f.severity]} ${w.severity[f.severity]}`,
        loc ? escapeMarkdown(formatLocation(loc)) : '',
        escapeMarkdown(f.rule),
        `${escapeMarkdown(f.message)}<br>${idCell(f, doc, w)}`,
      ]),
    );
  }
  return lines;
}

function acceptedRows(doc: ReportDocument, findings: readonly Finding[], w: Words, lang: Lang): string[] {
  const lines = [row([w.level, w.where, w.rule, w.message, w.acceptance]), row(['---', '---', '---', '---', '---'])];
  for (const f of findings) {
    const loc = primaryLocation(f);
    lines.push(
      row([
        `${ACCEPTED_ICON} ${w.severity[f.severity]}`,
        loc ? escapeMarkdown(formatLocation(loc)) : '',
        escapeMarkdown(f.rule),
        `${escapeMarkdown(f.message)}<br>${idCell(f, doc, w)}`,
        f.accepted ? escapeMarkdown(acceptanceText(f.accepted, lang)) : '',
      ]),
    );
  }
  return lines;
}

function grouped(doc: ReportDocument, findings: readonly Finding[], level: string, w: Words, lang: Lang | null = null): string[] {
  const lines: string[] = [];
  for (const group of groupByTable(doc, findings)) {
    const rows = lang === null ? findingRows(doc, bySeverity(group.findings), w) : acceptedRows(doc, bySeverity(group.findings), w, lang);
    lines.push(`${level} ${escapeMarkdown(group.title ?? w.otherFindings)}`, '', ...rows, '');
  }
  return lines;
}

function documentBlock(doc: ReportDocument, index: number, w: Words, lang: Lang, withNotes = true): string[] {
  const heading = [documentName(doc, w), doc.year !== null ? String(doc.year) : null].filter((x) => x !== null).join(' · ');
  const lines = [`## ${escapeMarkdown(heading)}`, '', `${w.source}: ${escapeMarkdown(doc.source)}`, ''];
  if (doc.outcome === 'unreadable') {
    const reason = doc.error ? inputErrorLine(doc.error) : doc.source;
    lines.push(`> ${OUTCOME_ICON.unreadable} **${w.outcomes.unreadable}**: ${escapeMarkdown(reason)}`, '');
    return lines;
  }
  const t = tally(doc, index);
  const found = doc.tables.filter((x) => x.found);
  const facts = [
    `${w.outcome}: ${OUTCOME_ICON[doc.outcome]} **${w.outcomes[doc.outcome]}**`,
    `${w.tables}: ${found.length}/${doc.tables.length}` +
      (found.some((x) => x.empty) ? `; ${w.emptyTables}: ${escapeMarkdown(found.filter((x) => x.empty).map((x) => x.title).join('、'))}` : '') +
      (found.length < doc.tables.length ? `; ${w.missingTables}: ${escapeMarkdown(doc.tables.filter((x) => !x.found).map((x) => x.title).join('、'))}` : ''),
    `${w.checks}: ${w.check.run} ${doc.checks.run}, ${w.check.passed} ${doc.checks.passed}, ${w.check.failed} ${doc.checks.failed}, ` +
      `${w.check.rounding} ${doc.checks.rounding}, ${w.check.skipped} ${doc.checks.skipped}`,
  ];
  if (doc.unit) facts.push(`${w.unit}: ${escapeMarkdown(doc.unit)}`);
  if (doc.family) facts.push(`${w.family}: ${escapeMarkdown(doc.family.name)}`);
  if (doc.claims) facts.push(`${w.claims}: ${w.claim.found} ${doc.claims.found}, ${w.claim.checked} ${doc.claims.checked}, ${w.claim.unbound} ${doc.claims.unbound}`);
  if (t.accepted > 0) facts.push(`${w.accepted}: ${t.accepted}`);
  lines.push(...facts.map((f) => `- ${f}`), '');
  if (doc.findings.length === 0) {
    lines.push(w.none, '');
    return lines;
  }
  const problems = doc.findings.filter((f) => f.severity !== 'info' && !f.accepted);
  const notes = doc.findings.filter((f) => f.severity === 'info' && !f.accepted);
  const accepted = doc.findings.filter((f) => f.accepted);
  lines.push(...grouped(doc, problems, '###', w));
  if (accepted.length > 0) {
    lines.push('<details>', `<summary>${ACCEPTED_ICON} ${escapeMarkdown(w.acceptedNotes)}: ${t.accepted}</summary>`, '', ...grouped(doc, accepted, '####', w, lang), '</details>', '');
  }
  if (notes.length > 0 && withNotes) {
    // Notes fold away so that what needs fixing stays on screen; GitHub renders <details> in summaries.
    lines.push('<details>', `<summary>${ICON.info} ${escapeMarkdown(w.notes)}: ${t.infos}</summary>`, '', ...grouped(doc, notes, '####', w), '</details>', '');
  }
  return lines;
}

const bytes = (lines: readonly string[]) => lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);

/**
 * A Markdown report (GitHub-flavoured), short enough for a CI step summary: summary table, then
 * findings by document and table. Over the limit (1 MiB), it keeps the summary and as many
 * documents as fit, most errors first, without notes, and says where the full report is.
 */
export function formatMarkdown(report: Report, options: MarkdownOptions): string {
  const w = WORDS[options.lang];
  const limit = options.limit ?? STEP_SUMMARY_LIMIT;
  const head = [`<!-- ${REPORT_SIGNATURE} -->`, `# ${w.title}`, '', `${report.tool.name} ${report.tool.version}`, ''];
  const lines = [...head, ...summaryBlock(report, w)];
  report.documents.forEach((doc, i) => {
    for (const line of documentBlock(doc, i, w, options.lang)) lines.push(line);
  });
  while (lines.at(-1) === '') lines.pop();
  if (bytes(lines) < limit) return `${lines.join('\n')}\n`;
  return trimmed(report, options, limit);
}

function trimmed(report: Report, options: MarkdownOptions, limit: number): string {
  const w = WORDS[options.lang];
  const ranked = rankByErrors(report);
  const pointer = options.fullReport !== undefined ? w.fullReportAt(options.fullReport) : w.fullReportHow;
  // The notice's count is filled in at the end; reserve room for its longest form.
  const notice = (shown: number) => `> ${escapeMarkdown(shown < ranked.length ? w.trimmed(shown, ranked.length) : w.trimmedNotes)} ${escapeMarkdown(pointer)}`;
  const lines = [`<!-- ${REPORT_SIGNATURE} -->`, `# ${w.title}`, '', `${report.tool.name} ${report.tool.version}`, '', notice(ranked.length), ''];
  const noticeAt = 5;
  let summary = summaryBlock(report, w);
  // A batch so large that even the ranking does not fit keeps its first rows.
  if (bytes(summary) > limit / 2) {
    const kept: string[] = [];
    for (const line of summary) {
      if (bytes(kept) + Buffer.byteLength(line) + 1 > limit / 2) break;
      kept.push(line);
    }
    summary = [...kept, '| … |', ''];
  }
  lines.push(...summary);
  let used = bytes(lines) + 64;
  let shown = 0;
  for (const t of ranked) {
    const block = documentBlock(t.document, t.index, w, options.lang, false);
    const size = bytes(block);
    if (used + size > limit) break;
    for (const line of block) lines.push(line);
    used += size;
    shown++;
  }
  lines[noticeAt] = notice(shown);
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
