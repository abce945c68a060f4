import { CsvError, parse } from 'csv-parse/sync';
import { fromSpreadsheetSafe } from '../model/spreadsheet-cell.js';
import { fail, ok, type CsvProblem, type Loaded } from './errors.js';
import type { GridRow } from './grid.js';

/**
 * One sheet saved from Excel as CSV. Records keep their source line (a quoted cell may span
 * lines; the record's first line is used). Rows of different lengths are an error, as Excel
 * never writes them.
 */
export function csvRows(file: string, text: string): Loaded<GridRow[]> {
  try {
    const records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: false,
      skip_empty_lines: false,
    }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
    return ok(
      records.map(({ record, info, raw }) => ({
        // A cell zjs import wrote with an apostrophe, so that a spreadsheet shows it as text, reads as it was.
        cells: record.map((c) => fromSpreadsheetSafe(c.trim()).trim()),
        loc: { file, line: info.lines - countNewlines(raw.replace(/(\r\n|\n|\r)$/, '')) },
      })),
    );
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines ?? 0) || 1;
      return fail({ kind: 'csv', file, line, detail: problemOf(error) });
    }
    throw error;
  }
}

function countNewlines(text: string): number {
  return (text.match(/\r\n|\n|\r/g) ?? []).length;
}

function problemOf(error: CsvError): CsvProblem {
  const e = error as CsvError & { record?: unknown[]; columns?: unknown[] };
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    const expected = /expect (\d+)/.exec(error.message)?.[1];
    return { kind: 'ragged', expected: Number(expected ?? 0), actual: Array.isArray(e.record) ? e.record.length : 0 };
  }
  if (/QUOTE/.test(error.code)) return { kind: 'quote' };
  return { kind: 'other', message: error.message.split('\n')[0] ?? error.code };
}
