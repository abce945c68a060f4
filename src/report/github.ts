import type { Lang } from '../engine/messages.js';
import type { Severity } from '../model/finding.js';
import { ruleById } from '../rules/index.js';
import { EMPTY_SUMMARY, renderSpooled, type Report, type ReportDocument, type SpooledStream } from './model.js';
import { isFileLine, sourceFile, type Location } from '../model/location.js';
import { byErrors, lightTally, primaryLocation, type DocumentTally } from './summary.js';
import { acceptanceText, WORDS, type Words } from './words.js';
import { inertReport } from './controls.js';

export interface GithubOptions {
  lang: Lang;
}

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub's escaping for a workflow command's message: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a property value: that of the message, plus the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: string, props: Array<[string, string | number | undefined | null]>, message: string): string {
  const list = props.filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== null).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${kind}${list.length > 0 ? ` ${list.join(',')}` : ''}::${escapeData(message)}`;
}

/** Where inside a PDF or a workbook: `p21:14`, `收入决算表:18`. */
function inFile(loc: Location): string {
  return loc.page !== undefined ? `p${loc.page}:${loc.line}` : `${loc.file.slice(sourceFile(loc).length + 1)}:${loc.line}`;
}

/** Plain lines are shown in the log as they are, but a line that starts with `::` is a command: keep them inert. */
function plain(line: string): string {
  return (line.startsWith('::') ? ` ${line}` : line).replace(/[\r\n]+/g, ' ');
}

/** One document's annotations: one per finding, or one error for an unreadable document. */
function annotations(doc: ReportDocument, options: GithubOptions, w: Words): string[] {
  if (doc.outcome === 'unreadable') {
    const error = doc.error;
    return [command('error', [['file', error?.file ?? doc.source], ['line', error?.line], ['title', w.outcomes.unreadable]], error?.message ?? doc.source)];
  }
  return doc.findings.map((f) => {
    const loc = primaryLocation(f);
    const title = ruleById(f.rule)?.meta.title[options.lang];
    const named = title !== undefined ? `${title} (${f.rule})` : f.rule;
    // An accepted finding is a notice, never an error or warning annotation: it no longer fails the run.
    return command(
      f.accepted ? 'notice' : COMMAND[f.severity],
      [
        // A PDF page line or a sheet row is not a line of the file: the title says where instead.
        ['file', loc ? sourceFile(loc) : doc.source],
        ['line', loc && isFileLine(loc) ? loc.line : undefined],
        ['title', `${f.accepted ? `${w.accepted}: ${named}` : named}${loc && !isFileLine(loc) ? ` @ ${inFile(loc)}` : ''}`],
      ],
      `${f.message}${f.accepted ? `\n${w.accepted}: ${acceptanceText(f.accepted, options.lang)}` : ''}\n${w.findingId}: ${f.id}`,
    );
  });
}

/**
 * The workflow commands written a document at a time: each document's annotations as it comes; the
 * summary and the ranking that head the log, from one tally per document, at the end.
 */
export function githubStream(tool: Report['tool'], options: GithubOptions): SpooledStream {
  const w = WORDS[options.lang];
  const kept: DocumentTally[] = [];
  return {
    document: (hostile) => {
      // Text from documents reaches a CI log: control characters are shown, never acted on.
      const doc = inertReport({ tool, documents: [hostile], summary: EMPTY_SUMMARY }).documents[0] ?? hostile;
      kept.push(lightTally(doc, kept.length));
      return annotations(doc, options, w)
        .map((line) => `${line}\n`)
        .join('');
    },
    end: (s) => {
      const lines = [
        plain(
          `${tool.name} ${tool.version}: ${w.documents} ${s.documents}, ${w.outcomes.pass} ${s.passed}, ${w.outcomes.fail} ${s.failed}, ` +
            `${w.outcomes.unreadable} ${s.unreadable}; ${w.severityPlural.error} ${s.errors}, ${w.severityPlural.warning} ${s.warnings}, ${w.severityPlural.info} ${s.infos}` +
            (s.accepted > 0 ? `, ${w.accepted} ${s.accepted}` : ''),
        ),
      ];
      if (kept.length > 1) {
        lines.push(plain(`${w.ranking}:`));
        for (const t of [...kept].sort(byErrors)) {
          const d = t.document;
          lines.push(
            plain(`  ${d.department ?? d.source}${d.year !== null ? ` ${d.year}` : ''}: ${w.severityPlural.error} ${t.errors}, ${w.severityPlural.warning} ${t.warnings}, ${w.severityPlural.info} ${t.infos}${t.accepted > 0 ? `, ${w.accepted} ${t.accepted}` : ''} (${w.outcomes[d.outcome]}; ${d.source})`),
          );
        }
      }
      return { head: `${lines.join('\n')}\n`, tail: '' };
    },
  };
}

/** GitHub Actions workflow commands: a plain summary in the log, then one annotation per finding. */
export function formatGithub(report: Report, options: GithubOptions): string {
  return renderSpooled(report, githubStream(report.tool, options));
}
