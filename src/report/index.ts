import type { Lang } from '../engine/messages.js';
import { csvStream, formatCsv } from './csv.js';
import { formatGithub, githubStream } from './github.js';
import { formatHtml, htmlFolderStream, htmlStream, type HtmlFolderStream } from './html.js';
import { formatJson, jsonStream } from './json.js';
import { formatJunit, junitStream } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { Report, ReportStream, RunInfo, SpooledStream } from './model.js';
import { formatSarif, sarifStream } from './sarif.js';
import { formatText, textStream, type TextOptions } from './text.js';
import { formatXlsx, xlsxStream, type WritableBytes, type XlsxStream } from './xlsx.js';

/** What the command line knows when it renders a report; each format takes what it needs. */
export interface FormatOptions {
  lang: Lang;
  /** Terminal colours, for the text format on a terminal only. */
  color: boolean;
  /** Terminal width for the text format. */
  width: number;
  /** Text format: hide notes. */
  quiet: boolean;
  /** Text format: list rounding notes and skipped checks one by one rather than folded. */
  verbose?: boolean;
  /** Which severities make the run fail (and a JUnit test case fail). */
  failOn: 'error' | 'warning';
  /** The run (date, inputs, settings, input hashes): the html cover and the workbook's date. */
  run?: RunInfo;
  /** Markdown: where the full report of the same run is written, when it is trimmed to fit. */
  fullReport?: string;
}

export interface ReportFormat {
  /** Binary output (a workbook) that only a file can take, never standard output. */
  fileOnly: boolean;
  render: (report: Report, options: FormatOptions) => string | Promise<string | Uint8Array>;
  /** The format written a document at a time (a batch of any size in flat memory), when it can be. */
  stream?: (tool: Report['tool'], options: FormatOptions) => ReportStream;
  /** The format written a document at a time around a head (totals, a ranking) rendered at the end. */
  spooled?: (tool: Report['tool'], options: FormatOptions) => SpooledStream;
  /** The format written into a folder (`-o report/`): one page per document as it comes, an index at the end. */
  folder?: (tool: Report['tool'], options: FormatOptions) => HtmlFolderStream;
  /** The binary format written to a byte stream a document at a time (a workbook), when it can be. */
  write?: (out: WritableBytes, tool: Report['tool'], options: FormatOptions) => Promise<XlsxStream>;
}

function textOptions(o: FormatOptions): TextOptions {
  return { lang: o.lang, color: o.color, width: o.width, ...(o.quiet ? { quiet: true } : {}), ...(o.verbose ? { verbose: true } : {}) };
}

/** Every report format by name. Adding a format: one file in src/report, one line here. */
export const FORMATS = {
  text: { fileOnly: false, render: (r, o) => formatText(r, textOptions(o)), stream: (t, o) => textStream(t, textOptions(o)) },
  json: { fileOnly: false, render: (r) => formatJson(r), stream: (t) => jsonStream(t) },
  markdown: { fileOnly: false, render: (r, o) => formatMarkdown(r, { lang: o.lang, ...(o.fullReport !== undefined ? { fullReport: o.fullReport } : {}) }) },
  html: {
    fileOnly: false,
    render: (r, o) => formatHtml(r, { lang: o.lang, ...(o.run ? { run: o.run } : {}) }),
    spooled: (t, o) => htmlStream(t, { lang: o.lang }),
    folder: (t, o) => htmlFolderStream(t, { lang: o.lang }),
  },
  junit: { fileOnly: false, render: (r, o) => formatJunit(r, { lang: o.lang, failOn: o.failOn }), spooled: (t, o) => junitStream(t, { lang: o.lang, failOn: o.failOn }) },
  sarif: { fileOnly: false, render: (r, o) => formatSarif(r, { lang: o.lang }), spooled: (t, o) => sarifStream(t, { lang: o.lang }) },
  github: { fileOnly: false, render: (r, o) => formatGithub(r, { lang: o.lang }), spooled: (t, o) => githubStream(t, { lang: o.lang }) },
  csv: { fileOnly: false, render: (r, o) => formatCsv(r, { lang: o.lang }), stream: (_t, o) => csvStream({ lang: o.lang }) },
  xlsx: {
    fileOnly: true,
    render: (r, o) => formatXlsx(r, { lang: o.lang, ...(o.run ? { date: o.run.date } : {}) }),
    write: (out, t, o) => xlsxStream(out, t, { lang: o.lang, ...(o.run ? { date: o.run.date } : {}) }),
  },
} as const satisfies Record<string, ReportFormat>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
