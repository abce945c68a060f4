import type { Stream } from 'node:stream';
import type { Row, Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../engine/messages.js';
import type { Severity } from '../model/finding.js';
import type { Report, ReportDocument, ReportSummary } from './model.js';
import { byErrors, columnLabel, lightTally, primaryLocation, rowLabel, rankByErrors, tableTitle, type DocumentTally } from './summary.js';
import { WORDS, type Words } from './words.js';

export interface XlsxOptions {
  lang: Lang;
  /** When the run happened (ISO 8601), for the workbook's created and modified dates. */
  date?: string;
}

/** Without a run date (a report built by a library call), a fixed one: the same report gives the same workbook. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

// XML 1.0 cannot hold these even escaped; a workbook containing one does not open.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const NUMBER = /^-?\d+(\.\d+)?$/;

function clean(value: string): string {
  return value.replace(NOT_XML, '');
}

/**
 * Amounts go into cells as numbers so that auditors can sort, filter and sum them; the decimal
 * strings are exact to two or three places, well within a double's precision. Display only.
 */
function amount(value: string | undefined): number | null {
  return value !== undefined && NUMBER.test(value) ? Number(value) : null;
}

const FILL: Record<Severity, string> = { error: 'FFFEE4E2', warning: 'FFFEF0C7', info: 'FFEFF8FF' };
const ACCEPTED_FILL = 'FFF2F4F7';

function header(sheet: Worksheet): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } };
}

function dateOf(options: XlsxOptions): Date {
  return options.date !== undefined ? new Date(options.date) : FIXED_DATE;
}

const SHEET = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

/** The summary sheet with its columns and header: one line per document, then the totals. */
function summarySheet(book: Workbook, w: Words): Worksheet {
  const summary = book.addWorksheet(w.summary, SHEET);
  summary.columns = [
    { header: w.department, key: 'department', width: 32 },
    { header: w.year, key: 'year', width: 8 },
    { header: w.outcome, key: 'outcome', width: 10 },
    { header: w.severityPlural.error, key: 'errors', width: 8 },
    { header: w.severityPlural.warning, key: 'warnings', width: 8 },
    { header: w.severityPlural.info, key: 'infos', width: 8 },
    { header: w.accepted, key: 'accepted', width: 8 },
    { header: `${w.checks}: ${w.check.run}`, key: 'run', width: 10 },
    { header: `${w.checks}: ${w.check.passed}`, key: 'passed', width: 10 },
    { header: `${w.checks}: ${w.check.failed}`, key: 'failed', width: 10 },
    { header: `${w.checks}: ${w.check.rounding}`, key: 'rounding', width: 12 },
    { header: `${w.checks}: ${w.check.skipped}`, key: 'skipped', width: 10 },
    { header: `${w.claims}: ${w.claim.found}`, key: 'claimsFound', width: 12 },
    { header: `${w.claims}: ${w.claim.checked}`, key: 'claimsChecked', width: 12 },
    { header: `${w.claims}: ${w.claim.unbound}`, key: 'claimsUnbound', width: 12 },
    { header: w.source, key: 'source', width: 48 },
    { header: w.message, key: 'message', width: 40 },
  ];
  header(summary);
  return summary;
}

/** The summary's lines: the documents most errors first, a blank line, the totals. */
function summaryRows(summary: Worksheet, ranked: readonly DocumentTally[], s: ReportSummary, w: Words): void {
  for (const t of ranked) {
    const d = t.document;
    const readable = d.outcome !== 'unreadable';
    const row = summary.addRow({
      department: clean(d.department ?? ''),
      year: d.year,
      outcome: w.outcomes[d.outcome],
      errors: t.errors,
      warnings: t.warnings,
      infos: t.infos,
      accepted: t.accepted,
      run: readable ? d.checks.run : null,
      passed: readable ? d.checks.passed : null,
      failed: readable ? d.checks.failed : null,
      rounding: readable ? d.checks.rounding : null,
      skipped: readable ? d.checks.skipped : null,
      claimsFound: d.claims?.found ?? null,
      claimsChecked: d.claims?.checked ?? null,
      claimsUnbound: d.claims?.unbound ?? null,
      source: clean(d.source),
      message: clean(d.error?.message ?? ''),
    });
    if (d.outcome !== 'pass') row.getCell('outcome').font = { bold: true, color: { argb: 'FFB42318' } };
  }
  summary.addRow([]);
  const totals: Array<[string, number]> = [
    [w.documents, s.documents],
    [w.outcomes.pass, s.passed],
    [w.outcomes.fail, s.failed],
    [w.outcomes.unreadable, s.unreadable],
    [w.severityPlural.error, s.errors],
    [w.severityPlural.warning, s.warnings],
    [w.severityPlural.info, s.infos],
    [w.accepted, s.accepted],
  ];
  for (const [label, n] of totals) summary.addRow([label, n]).getCell(1).font = { bold: true };
}

/** The findings sheet with its columns and header: one line per finding, one per unreadable document. */
function findingsSheet(book: Workbook, w: Words): Worksheet {
  const findings = book.addWorksheet(w.findings, SHEET);
  findings.columns = [
    { header: w.document, key: 'document', width: 36 },
    { header: w.department, key: 'department', width: 28 },
    { header: w.year, key: 'year', width: 8 },
    { header: w.level, key: 'severity', width: 8 },
    { header: w.statusLabel, key: 'status', width: 10 },
    { header: w.rule, key: 'rule', width: 26 },
    { header: w.findingId, key: 'id', width: 40 },
    { header: w.file, key: 'file', width: 36 },
    { header: w.page, key: 'page', width: 6 },
    { header: w.line, key: 'line', width: 8 },
    { header: w.table, key: 'table', width: 30 },
    { header: w.row, key: 'row', width: 12 },
    { header: w.column, key: 'column', width: 16 },
    { header: w.expected, key: 'expected', width: 12, style: { numFmt: '#,##0.00##' } },
    { header: w.actual, key: 'actual', width: 12, style: { numFmt: '#,##0.00##' } },
    { header: w.difference, key: 'difference', width: 12, style: { numFmt: '#,##0.00##' } },
    { header: w.tolerance, key: 'tolerance', width: 10, style: { numFmt: '0.00##' } },
    { header: w.message, key: 'message', width: 90 },
    { header: w.acceptance, key: 'acceptance', width: 24 },
    { header: w.reason, key: 'reason', width: 40 },
    { header: w.author, key: 'author', width: 16 },
  ];
  header(findings);
  return findings;
}

/** One document's lines of the findings sheet; the last line written, if any. */
function findingRows(findings: Worksheet, doc: ReportDocument, w: Words): Row | undefined {
  if (doc.outcome === 'unreadable') {
    const row = findings.addRow({
      document: clean(doc.source),
      severity: w.severity.error,
      status: w.status.unreadable,
      file: clean(doc.error?.file ?? doc.source),
      page: doc.error?.page ?? null,
      line: doc.error?.line ?? null,
      message: clean(doc.error?.message ?? ''),
    });
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL.error } };
    return row;
  }
  let last: Row | undefined;
  for (const f of doc.findings) {
    const loc = primaryLocation(f);
    const row = findings.addRow({
      document: clean(doc.source),
      department: clean(doc.department ?? ''),
      year: doc.year,
      severity: w.severity[f.severity],
      status: w.status[f.status],
      rule: f.rule,
      id: clean(f.id),
      file: clean(loc?.file ?? ''),
      page: loc?.page ?? null,
      line: loc?.line ?? null,
      table: clean(loc?.table !== undefined ? tableTitle(doc, loc.table) : ''),
      row: clean(loc?.row !== undefined ? rowLabel(f, loc.table, loc.row) : ''),
      column: clean(loc?.column !== undefined ? columnLabel(f, loc.table, loc.column) : ''),
      expected: amount(f.expected),
      actual: amount(f.actual),
      difference: amount(f.difference),
      tolerance: amount(f.tolerance),
      message: clean(f.message),
      acceptance: f.accepted ? clean(`${w.acceptedBy[f.accepted.by]} ${f.accepted.file}`) : '',
      reason: clean(f.accepted?.reason ?? ''),
      author: clean(f.accepted?.author ?? ''),
    });
    // Accepted findings keep their row, greyed rather than coloured by severity.
    row.getCell('severity').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.accepted ? ACCEPTED_FILL : FILL[f.severity] } };
    last = row;
  }
  return last;
}

/** The filter over the findings sheet's header and its `rows` lines in all. */
function filterFindings(findings: Worksheet, rows: number, columns: number): void {
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows), column: columns } };
}

/** A discrepancy workbook for auditors: a summary sheet (one line per document), a findings sheet (one line per finding). */
export async function formatXlsx(report: Report, options: XlsxOptions): Promise<Uint8Array> {
  // exceljs is heavy: it loads only when a workbook is asked for (and stays outside the bundle).
  const { default: ExcelJS } = await import('exceljs');
  const w = WORDS[options.lang];
  const book = new ExcelJS.Workbook();
  book.creator = report.tool.name;
  book.lastModifiedBy = report.tool.name;
  const date = dateOf(options);
  book.created = date;
  book.modified = date;

  summaryRows(summarySheet(book, w), rankByErrors(report), report.summary, w);
  const findings = findingsSheet(book, w);
  for (const doc of report.documents) findingRows(findings, doc, w);
  filterFindings(findings, findings.rowCount, findings.columnCount);

  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * Where a workbook's bytes go: a Node writable stream, described by what it is asked for so that the
 * published declarations need no Node types.
 */
export interface WritableBytes {
  write: (chunk: Uint8Array) => boolean;
  end: () => unknown;
}

/** A workbook written as the documents come: `document` adds a document's lines, `end` the summary and the rest. */
export interface XlsxStream {
  document: (doc: ReportDocument) => void;
  end: (summary: ReportSummary) => Promise<void>;
}

/**
 * The workbook of formatXlsx written to `out` as the documents come, with ExcelJS's streaming
 * writer: each document's findings lines are written (and let go) at once; the summary sheet, whose
 * lines are ranked and followed by the totals, keeps one compact tally per document until the end.
 * Read back, it holds the same sheets, lines, cells and fills; its bytes differ (strings inline).
 */
export async function xlsxStream(out: WritableBytes, tool: Report['tool'], options: XlsxOptions): Promise<XlsxStream> {
  const { default: ExcelJS } = await import('exceljs');
  const w = WORDS[options.lang];
  const date = dateOf(options);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  book.creator = tool.name;
  book.lastModifiedBy = tool.name;
  book.created = date;
  book.modified = date;
  // Every sheet is one entry of the zip, written in the order the sheets are added, and an entry
  // cannot start before the one before it ends. The findings sheet (the second) is therefore
  // added first, as sheet 2, so that its lines stream while the summary (sheet 1, listed first)
  // waits for its ranking: its slot is held while the findings sheet takes the next one.
  const slots = (book as unknown as { _worksheets: unknown[] })._worksheets;
  slots[1] = { reserved: true };
  const findings = findingsSheet(book, w);
  slots[1] = undefined;
  const columns = findings.columns.length;
  let rows = 1;
  findings.getRow(1).commit();
  const kept: DocumentTally[] = [];
  return {
    document: (doc) => {
      kept.push(lightTally(doc, kept.length));
      const last = findingRows(findings, doc, w);
      if (last) {
        rows = last.number;
        last.commit();
      }
    },
    end: async (s) => {
      filterFindings(findings, rows, columns);
      findings.commit();
      summaryRows(summarySheet(book, w), kept.sort(byErrors), s, w);
      await book.commit();
    },
  };
}
