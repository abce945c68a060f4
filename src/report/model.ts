import type { CheckCounts, CheckedDocument, TableSummary } from '../engine/run.js';
import type { RenderedInputError } from '../engine/input-errors.js';
import type { Finding } from '../model/finding.js';
import type { Related } from '../sets/check.js';
import { TOOL_NAME, VERSION } from '../version.js';

/** One document in a report: checked, or unreadable with the reason. */
export interface ReportDocument {
  source: string;
  /** The template family the document was read as, named in the report's language. */
  family: { id: string; name: string } | null;
  department: string | null;
  year: number | null;
  unit: string | null;
  tables: TableSummary[];
  outcome: 'pass' | 'fail' | 'unreadable';
  error?: RenderedInputError;
  checks: CheckCounts;
  /** Narrative coverage: claims extracted, claims checked, numbers tied to no claim. */
  claims?: { found: number; checked: number; unbound: number };
  findings: Finding[];
  /** The documents it was reconciled with: `previous` (last year's of the same kind), `budget` (a 决算's 预算 of the same year). */
  related?: Related;
}

/** Counts of the batch. `errors`, `warnings` and `infos` leave out accepted findings, which `accepted` counts. */
export interface ReportSummary {
  documents: number;
  passed: number;
  failed: number;
  unreadable: number;
  errors: number;
  warnings: number;
  infos: number;
  accepted: number;
}

/** What every formatter receives: data only, prose already rendered by the engine. */
export interface Report {
  tool: { name: string; version: string };
  documents: ReportDocument[];
  summary: ReportSummary;
}

export type ReportEntry = { kind: 'checked'; doc: CheckedDocument } | { kind: 'unreadable'; source: string; error: RenderedInputError };

const NO_CHECKS: CheckCounts = { run: 0, passed: 0, failed: 0, rounding: 0, skipped: 0 };

export function buildReport(entries: readonly ReportEntry[]): Report {
  const documents = entries.map(reportDocument);
  return { tool: TOOL, documents, summary: summarize(documents) };
}

export const TOOL: Report['tool'] = { name: TOOL_NAME, version: VERSION };

/** One checked or unreadable document as reports show it. */
export function reportDocument(entry: ReportEntry): ReportDocument {
  return entry.kind === 'checked'
      ? {
          source: entry.doc.source,
          family: entry.doc.family,
          department: entry.doc.department,
          year: entry.doc.year,
          unit: entry.doc.unit,
          tables: entry.doc.tables,
          // Accepted errors no longer fail a document.
          outcome: entry.doc.findings.some((f) => f.severity === 'error' && !f.accepted) ? 'fail' : 'pass',
          checks: entry.doc.checks,
          claims: entry.doc.claims,
          findings: entry.doc.findings,
          ...(entry.doc.related ? { related: entry.doc.related } : {}),
        }
      : {
          source: entry.source,
          family: null,
          department: null,
          year: null,
          unit: null,
          tables: [],
          outcome: 'unreadable',
          error: entry.error,
          checks: NO_CHECKS,
          findings: [],
        };
}

/** The batch counts of a list of documents. */
export function summarize(documents: readonly ReportDocument[]): ReportSummary {
  const all = documents.flatMap((d) => d.findings).filter((f) => !f.accepted);
  return {
    documents: documents.length,
    passed: documents.filter((d) => d.outcome === 'pass').length,
    failed: documents.filter((d) => d.outcome === 'fail').length,
    unreadable: documents.filter((d) => d.outcome === 'unreadable').length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
    accepted: documents.reduce((n, d) => n + d.findings.filter((f) => f.accepted).length, 0),
  };
}

/** The sum of two batch counts: a streamed report adds each document's counts as it is written. */
export function addSummaries(a: ReportSummary, b: ReportSummary): ReportSummary {
  return {
    documents: a.documents + b.documents,
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    unreadable: a.unreadable + b.unreadable,
    errors: a.errors + b.errors,
    warnings: a.warnings + b.warnings,
    infos: a.infos + b.infos,
    accepted: a.accepted + b.accepted,
  };
}

export const EMPTY_SUMMARY: ReportSummary = { documents: 0, passed: 0, failed: 0, unreadable: 0, errors: 0, warnings: 0, infos: 0, accepted: 0 };

/**
 * A report written document by document, for a batch too large to hold: `document` returns the
 * text of one document (with the report's head before the first), `end` the rest once all are
 * written. The concatenation is byte for byte what the format renders for the whole report.
 */
export interface ReportStream {
  document: (doc: ReportDocument) => string;
  end: (summary: ReportSummary) => string;
}

/** A whole report through its format's stream. */
export function renderStreamed(report: Report, stream: ReportStream): string {
  const parts = report.documents.map((doc) => stream.document(doc));
  parts.push(stream.end(report.summary));
  return parts.join('');
}

/**
 * A report whose head needs the whole batch (its totals, its ranking) before the documents: each
 * document's part is set aside as it comes (`document`), and `end` gives the head and the tail
 * that go around the parts once all are written. Head, parts and tail are byte for byte what the
 * format renders for the whole report; only the compact summary the head needs is kept meanwhile.
 */
export interface SpooledStream {
  document: (doc: ReportDocument) => string;
  /** `run`: the run as a cover states it, known only once the documents are checked (html). */
  end: (summary: ReportSummary, run?: RunInfo) => { head: string; tail: string };
}

/** A whole report through its format's spooled stream. */
export function renderSpooled(report: Report, stream: SpooledStream): string {
  const parts = report.documents.map((doc) => stream.document(doc));
  const { head, tail } = stream.end(report.summary);
  return `${head}${parts.join('')}${tail}`;
}

/** One input file as the cover of a report lists it: path as read, size and SHA-256. */
export interface InputFile {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * What a run was, for the cover of an auditor's report and the date of a workbook. The command
 * line gathers it (the clock, the file hashes) and passes it in as data, so that formatters stay
 * pure and tests give a fixed date.
 */
export interface RunInfo {
  /** When the run started, ISO 8601 in UTC. */
  date: string;
  /** The paths given on the command line. */
  inputs: string[];
  /** Settings in force, as label and value (language, tolerance, config, baseline, waivers…). */
  settings: Array<{ name: string; value: string }>;
  /** Every file read as input, in report order. */
  files: InputFile[];
}
