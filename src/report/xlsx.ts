import type { Worksheet } from 'exceljs';
import type { Lang } from '../engine/messages.js';
import type { Severity } from '../model/finding.js';
import type { Report } from './model.js';
import { columnLabel, primaryLocation, rowLabel, rankByErrors, tableTitle } from './summary.js';
import { WORDS } from './words.js';

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

/** A discrepancy workbook for auditors: a summary sheet (one line per document), a findings sheet (one line per finding). */
export async function formatXlsx(report: Report, options: XlsxOptions): Promise<Uint8Array> {
  // exceljs is heavy: it loads only when a workbook is asked for (and stays outside the bundle).
  const { default: ExcelJS } = await import('exceljs');
  const w = WORDS[options.lang];
  const book = new ExcelJS.Workbook();
  book.creator = report.tool.name;
  book.lastModifiedBy = report.tool.name;
  const date = options.date !== undefined ? new Date(options.date) : FIXED_DATE;
  book.created = date;
  book.modified = date;

  const summary = book.addWorksheet(w.summary, { views: [{ state: 'frozen', ySplit: 1 }] });
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
  for (const t of rankByErrors(report)) {
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
  const s = report.summary;
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

  const findings = book.addWorksheet(w.findings, { views: [{ state: 'frozen', ySplit: 1 }] });
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
  for (const doc of report.documents) {
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
      continue;
    }
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
    }
  }
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.rowCount), column: findings.columnCount } };

  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
