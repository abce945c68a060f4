/**
 * zjs as a library: check disclosures and render reports from a program.
 *
 * ```ts
 * import { check, render } from 'zjs';
 * const report = await check(['reports/'], { lang: 'en' });
 * if (report.summary.errors > 0) console.log(await render(report, 'markdown', { lang: 'en' }));
 * ```
 */
import { renderInputError } from './engine/input-errors.js';
import type { Lang } from './engine/messages.js';
import { checkDocument, DEFAULT_OPTIONS } from './engine/run.js';
import type { Encoding } from './load/decode.js';
import { discover, loadDocument } from './load/index.js';
import type { Severity } from './model/finding.js';
import { FORMAT_NAMES, FORMATS, type FormatName } from './report/index.js';
import { buildReport, type Report, type ReportEntry, type RunInfo } from './report/model.js';
import { DEFAULT_CONTEXT } from './rules/types.js';
import { reconcileAll, type Pending } from './sets/check.js';
import { digestOf } from './sets/digest.js';

export type { Acceptance, Excerpt, Finding, Severity } from './model/finding.js';
export type { Location } from './model/location.js';
export type { InputFile, Report, ReportDocument, ReportSummary, RunInfo } from './report/model.js';
export type { FormatName } from './report/index.js';
export type { Lang } from './engine/messages.js';
export type { Encoding } from './load/decode.js';
export { FORMAT_NAMES };
export { VERSION, REPORT_SIGNATURE } from './version.js';

/** What `check` may be told; every key is optional and defaults as on the command line. */
export interface CheckOptions {
  /** Language of the messages (default `zh`). */
  lang?: Lang;
  /** `exact` makes rounding differences errors (default `interval`). */
  tolerance?: 'interval' | 'exact';
  /** Per-rule severity, or `off`, as in the config file. */
  severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Economic classes of 人员经费 and 公用经费 when a document does not group them. */
  personnelClasses?: readonly string[];
  publicClasses?: readonly string[];
  /** Input encoding; detected when absent. */
  encoding?: Encoding;
}

/**
 * Checks the documents found under the paths (files or folders, as `zjs check` takes them) and
 * returns the report as data: the same object `zjs check -f json` prints. An unreadable document
 * is an entry with outcome `unreadable`, never a thrown error.
 */
export async function check(paths: string | readonly string[], options: CheckOptions = {}): Promise<Report> {
  const lang = options.lang ?? 'zh';
  const engine = {
    ...DEFAULT_OPTIONS,
    lang,
    tolerance: options.tolerance ?? 'interval',
    severity: options.severity ?? {},
    context: {
      ...DEFAULT_CONTEXT,
      personnelClasses: options.personnelClasses ?? DEFAULT_CONTEXT.personnelClasses,
      publicClasses: options.publicClasses ?? DEFAULT_CONTEXT.publicClasses,
    },
  };
  const entries: ReportEntry[] = [];
  const pending: Pending[] = [];
  for (const source of await discover(typeof paths === 'string' ? [paths] : paths)) {
    const loaded = await loadDocument(source, options.encoding ? { encoding: options.encoding } : {});
    if (!loaded.ok) {
      // A text met while searching a folder that is no disclosure is passed over, as by the command line.
      if ((source.kind === 'text' || source.kind === 'xlsx') && source.searched && loaded.error.kind === 'not-disclosure') continue;
      entries.push({ kind: 'unreadable', source: source.source, error: renderInputError(loaded.error, lang) });
      continue;
    }
    const checked = checkDocument(loaded.value, engine);
    const kind = engine.context.catalog.families.find((f) => f.def.id === checked.family.id)?.def.kind ?? 'final';
    pending.push({ at: entries.length, digest: digestOf(loaded.value, kind), severity: engine.severity });
    entries.push({ kind: 'checked', doc: checked });
  }
  // Documents of one department, kind and year apart are reconciled, as by `zjs check`.
  reconcileAll(entries, pending, {}, lang);
  return buildReport(entries);
}

/** Options of `render`: the language, and for html and xlsx the run to put on the cover. */
export interface RenderOptions {
  lang?: Lang;
  /** The text format's width in columns (default 100). */
  width?: number;
  run?: RunInfo;
}

/** Renders a report in one of the formats of `zjs check -f` (xlsx as bytes, the others as text). */
export async function render(report: Report, format: FormatName, options: RenderOptions = {}): Promise<string | Uint8Array> {
  return FORMATS[format].render(report, {
    lang: options.lang ?? 'zh',
    color: false,
    width: options.width ?? 100,
    quiet: false,
    failOn: 'error',
    ...(options.run ? { run: options.run } : {}),
  });
}
