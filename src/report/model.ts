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
  const documents: ReportDocument[] = entries.map((entry) =>
    entry.kind === 'checked'
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
        },
  );
  return { tool: { name: TOOL_NAME, version: VERSION }, documents, summary: summarize(documents) };
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
