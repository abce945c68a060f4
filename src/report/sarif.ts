import type { Lang } from '../engine/messages.js';
import type { Finding, Severity } from '../model/finding.js';
import { isFileLine, sourceFile, type Location } from '../model/location.js';
import { RULES } from '../rules/index.js';
import { renderSpooled, type Report, type ReportDocument, type SpooledStream } from './model.js';
import { byErrors, lightTally, type DocumentTally } from './summary.js';

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

function artifact(d: ReportDocument): object {
  return {
    location: { uri: toUri(d.source) },
    properties: {
      department: d.department,
      year: d.year,
      outcome: d.outcome,
      checks: d.checks,
      ...(d.claims ? { claims: d.claims } : {}),
    },
  };
}

/** Every line of a JSON text moved right by `width` spaces (its strings hold no line break). */
function indent(json: string, width: number): string {
  const pad = ' '.repeat(width);
  return json
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/**
 * The SARIF log written a document at a time: each document's results as it comes; the rest of
 * the run (summary, ranking, rules, invocation, one artifact per document), which comes before the
 * results, from one compact entry per document at the end. `JSON.stringify(log, null, 2)` of the
 * whole log, byte for byte: the results are the run's last member, indented as it would indent them.
 */
export function sarifStream(tool: Report['tool'], options: SarifOptions): SpooledStream {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const kept: DocumentTally[] = [];
  const artifacts: object[] = [];
  const notifications: object[] = [];
  let results = 0;
  return {
    document: (doc) => {
      kept.push(lightTally(doc, kept.length));
      artifacts.push(artifact(doc));
      if (doc.outcome === 'unreadable') notifications.push(notification(doc));
      return doc.findings.map((f) => `${results++ === 0 ? '\n' : ',\n'}${indent(JSON.stringify(result(f, doc, ruleIndex), null, 2), 8)}`).join('');
    },
    end: (summary) => {
      const log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
          {
            // The batch summary first, as in every format: documents by errors, most first.
            properties: {
              summary,
              ranking: [...kept].sort(byErrors).map((t) => ({
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
                name: tool.name,
                version: tool.version,
                semanticVersion: tool.version,
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
                executionSuccessful: notifications.length === 0,
                ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
              },
            ],
            artifacts,
            results: [],
          },
        ],
      };
      const whole = `${JSON.stringify(log, null, 2)}\n`;
      // The text ends with the empty results: `"results": []` and the closing of the run and the log.
      const at = whole.lastIndexOf('[]');
      return { head: whole.slice(0, at + 1), tail: results > 0 ? `\n      ]${whole.slice(at + 2)}` : whole.slice(at + 1) };
    },
  };
}

/** SARIF 2.1.0 for code-scanning tools: one run, the rule registry as the driver's rules, one result per finding. */
export function formatSarif(report: Report, options: SarifOptions): string {
  return renderSpooled(report, sarifStream(report.tool, options));
}
