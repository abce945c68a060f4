import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../engine/messages.js';
import { spreadsheetSafe } from '../model/spreadsheet-cell.js';
import { renderStreamed, type Report, type ReportDocument, type ReportStream } from './model.js';
import { columnLabel, primaryLocation, rowLabel, tableTitle } from './summary.js';
import { WORDS } from './words.js';

export interface CsvOptions {
  lang: Lang;
}

/**
 * One row per finding, for spreadsheets (accepted findings too, with who accepted them and why): UTF-8 with a byte-order mark so that Excel reads the
 * Chinese text, CRLF line ends. An unreadable document is one row with status `unreadable`.
 */
export function formatCsv(report: Report, options: CsvOptions): string {
  return renderStreamed(report, csvStream(options));
}

/** The CSV report a document at a time: the header (with the byte-order mark) before the first document's rows. */
export function csvStream(options: CsvOptions): ReportStream {
  const w = WORDS[options.lang];
  const header = [
    w.document,
    w.department,
    w.year,
    w.level,
    w.statusLabel,
    w.rule,
    w.findingId,
    w.file,
    w.page,
    w.line,
    w.table,
    w.row,
    w.column,
    w.expected,
    w.actual,
    w.difference,
    w.tolerance,
    w.message,
    w.acceptance,
    w.reason,
    w.author,
  ];
  let started = false;
  const head = () => {
    if (started) return '';
    started = true;
    return stringify([header], { bom: true, record_delimiter: 'windows' });
  };
  const rows = (doc: ReportDocument): string[][] => {
    const records: string[][] = [];
    if (doc.outcome === 'unreadable') {
      const error = doc.error;
      records.push([
        doc.source,
        '',
        '',
        w.severity.error,
        w.status.unreadable,
        '',
        '',
        error?.file ?? doc.source,
        error?.page !== null && error?.page !== undefined ? String(error.page) : '',
        error?.line !== null && error?.line !== undefined ? String(error.line) : '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        error?.message ?? '',
        '',
        '',
        '',
      ]);
      return records;
    }
    for (const f of doc.findings) {
      const loc = primaryLocation(f);
      records.push([
        doc.source,
        doc.department ?? '',
        doc.year !== null ? String(doc.year) : '',
        w.severity[f.severity],
        w.status[f.status],
        f.rule,
        f.id,
        loc?.file ?? '',
        loc?.page !== undefined ? String(loc.page) : '',
        loc ? String(loc.line) : '',
        loc?.table !== undefined ? tableTitle(doc, loc.table) : '',
        loc?.row !== undefined ? rowLabel(f, loc.table, loc.row) : '',
        loc?.column !== undefined ? columnLabel(f, loc.table, loc.column) : '',
        f.expected ?? '',
        f.actual ?? '',
        f.difference ?? '',
        f.tolerance ?? '',
        f.message,
        f.accepted ? `${w.acceptedBy[f.accepted.by]} ${f.accepted.file}` : '',
        f.accepted?.reason ?? '',
        f.accepted?.author ?? '',
      ]);
    }
    return records;
  };
  return {
    document: (doc) => head() + stringify(rows(doc).map((r) => r.map(spreadsheetSafe)), { record_delimiter: 'windows' }),
    end: () => head(),
  };
}
