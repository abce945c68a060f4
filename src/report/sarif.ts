import type { Lang } from '../engine/messages.js';
import type { Finding, Severity } from '../model/finding.js';
import { isFileLine, sourceFile, type Location } from '../model/location.js';
import { RULES } from '../rules/index.js';
import type { Report, ReportDocument } from './model.js';
import { rankByErrors } from './summary.js';

export interface SarifOptions {
  lang: Lang;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A path as a SARIF URI: relative paths stay relative (forward slashes, each segment
 * percent-encoded), so code scanning resolves them against the repository; absolute ones become file: URIs.
 */
export function toUri(path: string): string {
  const slashed = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const encode = (p: string) =>
    p
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/');
  const drive = /^([A-Za-z]):\//.exec(slashed);
  if (drive) return `file:///${drive[1]}:/${encode(slashed.slice(3))}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed);
}

/** The file on disk, and a region only where the line is a line of that file (not a PDF page line or a sheet row). */
function physical(loc: Location): object {
  return {
    artifactLocation: { uri: toUri(sourceFile(loc)) },
    ...(loc.line >= 1 && isFileLine(loc) ? { region: { startLine: loc.line } } : {}),
  };
}

/** Where in a PDF or a workbook: the page and its line, or the sheet and its row. */
function place(loc: Location): object | undefined {
  if (loc.page !== undefined) return { page: loc.page, line: loc.line };
  if (loc.sheet !== undefined) return { sheet: loc.file.slice(sourceFile(loc).length + 1), row: loc.line };
  return undefined;
}

function logicalName(loc: Location): string | null {
  const parts = [loc.table, loc.row, loc.column].filter((x): x is string => x !== undefined && x !== '');
  return parts.length > 0 ? parts.join('/') : null;
}

function sarifLocation(loc: Location, id?: number): object {
  const name = logicalName(loc);
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: physical(loc),
    ...(name !== null ? { logicalLocations: [{ fullyQualifiedName: name }] } : {}),
    ...(place(loc) !== undefined ? { properties: place(loc) } : {}),
  };
}

function result(f: Finding, doc: ReportDocument, ruleIndex: ReadonlyMap<string, number>): object {
  const [first, ...rest] = f.locations;
  const index = ruleIndex.get(f.rule);
  const numbers = Object.fromEntries(
    (['expected', 'actual', 'difference', 'tolerance'] as const).filter((k) => f[k] !== undefined).map((k) => [k, f[k]]),
  );
  return {
    ruleId: f.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    // A check on a missing table has no location of its own: it is reported against the document.
    locations: [first ? sarifLocation(first) : { physicalLocation: { artifactLocation: { uri: toUri(doc.source) } } }],
    ...(rest.length > 0 ? { relatedLocations: rest.map((loc, i) => sarifLocation(loc, i + 1)) } : {}),
    partialFingerprints: { 'zjsFindingId/v1': f.id },
    // An accepted finding is an external suppression (a baseline or waiver file), accepted with its reason.
    ...(f.accepted
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: f.accepted.reason ?? `${f.accepted.by}: ${f.accepted.file}`,
              properties: {
                by: f.accepted.by,
                file: f.accepted.file,
                ...(f.accepted.author !== undefined ? { author: f.accepted.author } : {}),
                ...(f.accepted.date !== undefined ? { date: f.accepted.date } : {}),
                ...(f.accepted.expires !== undefined ? { expires: f.accepted.expires } : {}),
              },
            },
          ],
        }
      : {}),
    properties: {
      id: f.id,
      status: f.status,
      ...numbers,
      ...(f.sentence ? { sentence: f.sentence.text } : {}),
    },
  };
}

function notification(doc: ReportDocument): object {
  const error = doc.error;
  return {
    level: 'error',
    message: { text: error ? error.message : doc.source },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(error?.file ?? doc.source) },
          ...(error?.line !== null && error?.line !== undefined && error.line >= 1 ? { region: { startLine: error.line } } : {}),
        },
      },
    ],
    descriptor: { id: 'unreadable' },
  };
}

/** SARIF 2.1.0 for code-scanning tools: one run, the rule registry as the driver's rules, one result per finding. */
export function formatSarif(report: Report, options: SarifOptions): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const unreadable = report.documents.filter((d) => d.outcome === 'unreadable');
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        // The batch summary first, as in every format: documents by errors, most first.
        properties: {
          summary: report.summary,
          ranking: rankByErrors(report).map((t) => ({
            source: t.document.source,
            department: t.document.department,
            outcome: t.document.outcome,
            errors: t.errors,
            warnings: t.warnings,
            infos: t.infos,
            accepted: t.accepted,
          })),
        },
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.title.en,
              shortDescription: { text: r.meta.title[options.lang] },
              ...(options.lang === 'en' ? {} : { fullDescription: { text: r.meta.title.en } }),
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { tags: [...r.meta.tags] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            ...(unreadable.length > 0 ? { toolExecutionNotifications: unreadable.map(notification) } : {}),
          },
        ],
        artifacts: report.documents.map((d) => ({
          location: { uri: toUri(d.source) },
          properties: {
            department: d.department,
            year: d.year,
            outcome: d.outcome,
            checks: d.checks,
            ...(d.claims ? { claims: d.claims } : {}),
          },
        })),
        results: report.documents.flatMap((d) => d.findings.map((f) => result(f, d, ruleIndex))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
