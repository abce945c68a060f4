import type { Lang } from '../engine/messages.js';
import { formatCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { Report } from './model.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import { formatXlsx } from './xlsx.js';

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
}

export interface ReportFormat {
  /** Binary output (a workbook) that only a file can take, never standard output. */
  fileOnly: boolean;
  render: (report: Report, options: FormatOptions) => string | Promise<string | Uint8Array>;
}

/** Every report format by name. Adding a format: one file in src/report, one line here. */
export const FORMATS = {
  text: { fileOnly: false, render: (r, o) => formatText(r, { lang: o.lang, color: o.color, width: o.width, ...(o.quiet ? { quiet: true } : {}), ...(o.verbose ? { verbose: true } : {}) }) },
  json: { fileOnly: false, render: (r) => formatJson(r) },
  markdown: { fileOnly: false, render: (r, o) => formatMarkdown(r, { lang: o.lang }) },
  html: { fileOnly: false, render: (r, o) => formatHtml(r, { lang: o.lang }) },
  junit: { fileOnly: false, render: (r, o) => formatJunit(r, { lang: o.lang, failOn: o.failOn }) },
  sarif: { fileOnly: false, render: (r, o) => formatSarif(r, { lang: o.lang }) },
  github: { fileOnly: false, render: (r, o) => formatGithub(r, { lang: o.lang }) },
  csv: { fileOnly: false, render: (r, o) => formatCsv(r, { lang: o.lang }) },
  xlsx: { fileOnly: true, render: (r, o) => formatXlsx(r, { lang: o.lang }) },
} as const satisfies Record<string, ReportFormat>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
