import type { Finding, Severity } from '../model/finding.js';
import type { Location } from '../model/location.js';
import type { Report, ReportDocument } from './model.js';

/** Counts of one document's findings by severity. */
export interface DocumentTally {
  /** Position of the document in the report, for links and stable ordering. */
  index: number;
  document: ReportDocument;
  errors: number;
  warnings: number;
  infos: number;
  /** Accepted findings, counted here and not under their severity. */
  accepted: number;
}

export function tally(document: ReportDocument, index: number): DocumentTally {
  const count = (s: Severity) => document.findings.filter((f) => f.severity === s && !f.accepted).length;
  return { index, document, errors: count('error'), warnings: count('warning'), infos: count('info'), accepted: document.findings.filter((f) => f.accepted).length };
}

/**
 * The tally of a document with the document cut down to what a ranking row shows (no tables, no
 * findings): what a report written document by document keeps of each until its summary.
 */
export function lightTally(document: ReportDocument, index: number): DocumentTally {
  const light: ReportDocument = {
    source: document.source,
    family: document.family,
    department: document.department,
    year: document.year,
    unit: document.unit,
    tables: [],
    outcome: document.outcome,
    ...(document.error ? { error: document.error } : {}),
    checks: document.checks,
    ...(document.claims ? { claims: document.claims } : {}),
    findings: [],
  };
  return { ...tally(document, index), document: light };
}

/**
 * The batch summary's order: most errors first, an unreadable document before a readable one with
 * as many errors (it could not be checked at all), then most warnings, then report order.
 */
export function rankByErrors(report: { documents: readonly ReportDocument[] }): DocumentTally[] {
  return report.documents.map(tally).sort(byErrors);
}

/** The comparison behind rankByErrors, for tallies kept apart from their documents' findings. */
export function byErrors(a: DocumentTally, b: DocumentTally): number {
  return (
    b.errors - a.errors ||
    Number(b.document.outcome === 'unreadable') - Number(a.document.outcome === 'unreadable') ||
    b.warnings - a.warnings ||
    a.index - b.index
  );
}

/** Findings of one table (or of none: `table` null), in the order the engine sorted them. */
export interface TableGroup {
  table: string | null;
  title: string | null;
  findings: Finding[];
}

/** The table a finding is reported against: that of its first location that names one. */
export function findingTable(finding: Finding): string | null {
  return finding.locations.find((l) => l.table !== undefined)?.table ?? null;
}

/** The location a finding is shown at: its first one (locations are sorted by the engine). */
export function primaryLocation(finding: Finding): Location | null {
  return finding.locations[0] ?? null;
}

/** Title of a table as the document prints it, falling back to the key. */
export function tableTitle(document: ReportDocument, key: string): string {
  return document.tables.find((t) => t.key === key)?.title ?? document.findings.flatMap((f) => f.excerpts ?? []).find((e) => e.table === key)?.title ?? key;
}

/** The printed header of a column, from the excerpts that quote it; the key when none does. */
export function columnLabel(finding: Finding, table: string | undefined, column: string): string {
  for (const excerpt of finding.excerpts ?? []) {
    if (table !== undefined && excerpt.table !== table) continue;
    const found = excerpt.columns.find((c) => c.key === column);
    if (found) return found.label;
  }
  return column;
}

/** The printed label of a row (code and name), from the excerpts that quote it; the key when none does. */
export function rowLabel(finding: Finding, table: string | undefined, row: string): string {
  for (const excerpt of finding.excerpts ?? []) {
    if (table !== undefined && excerpt.table !== table) continue;
    const found = excerpt.rows.find((r) => r.row === row);
    if (found) return found.label;
  }
  return row;
}

/** A document's findings grouped by table, in the document's table order; findings on no table last. */
export function groupByTable(document: ReportDocument, findings: readonly Finding[] = document.findings): TableGroup[] {
  const order = new Map(document.tables.map((t, i) => [t.key as string, i]));
  const groups = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const key = findingTable(f);
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const rank = (key: string | null) => (key === null ? Number.MAX_SAFE_INTEGER : (order.get(key) ?? order.size));
  return [...groups.entries()]
    .map(([table, list], i) => ({ table, list, i }))
    .sort((a, b) => rank(a.table) - rank(b.table) || a.i - b.i)
    .map(({ table, list }) => ({ table, title: table === null ? null : tableTitle(document, table), findings: list }));
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes (accepted ones after the others of their severity); document order within each. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || Number(a.f.accepted !== undefined) - Number(b.f.accepted !== undefined) || a.i - b.i)
    .map(({ f }) => f);
}

/** Does the finding count against the run: an error or a warning that nothing accepted. */
export function isOpenProblem(f: Finding): boolean {
  return f.severity !== 'info' && f.accepted === undefined;
}

/** Rule ids that occur in the report, sorted, with how many findings each has. */
export function rulesInReport(report: Report): Array<{ rule: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of report.documents.flatMap((d) => d.findings)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, count]) => ({ rule, count }));
}

/** The rule behind most of a document's open problems (errors weigh before warnings), if any. */
export function worstRule(document: ReportDocument): { rule: string; count: number } | null {
  const counts = new Map<string, { errors: number; count: number }>();
  for (const f of document.findings) {
    if (!isOpenProblem(f)) continue;
    const c = counts.get(f.rule) ?? { errors: 0, count: 0 };
    c.count++;
    if (f.severity === 'error') c.errors++;
    counts.set(f.rule, c);
  }
  let best: { rule: string; errors: number; count: number } | null = null;
  for (const [rule, c] of counts) {
    if (!best || c.errors > best.errors || (c.errors === best.errors && (c.count > best.count || (c.count === best.count && rule < best.rule)))) best = { rule, ...c };
  }
  return best ? { rule: best.rule, count: best.count } : null;
}

/** A path as one shell word: as it is when plain, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Whether `zjs explain` shows how a finding was computed: checks that compare numbers within one
 * document (a finding across documents, messageId `set`, names both cells in its message).
 */
export function explainable(f: Finding): boolean {
  return (f.difference !== undefined || f.tolerance !== undefined) && f.messageId !== 'set';
}

/** The command that shows how a finding's check was computed, cell by cell. */
export function explainCommand(source: string, id: string): string {
  return `zjs explain ${shellWord(source)} --finding ${shellWord(id)}`;
}
