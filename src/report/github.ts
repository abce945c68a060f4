import type { Lang } from '../engine/messages.js';
import type { Severity } from '../model/finding.js';
import { ruleById } from '../rules/index.js';
import type { Report } from './model.js';
import { isFileLine, sourceFile, type Location } from '../model/location.js';
import { primaryLocation, rankByErrors } from './summary.js';
import { acceptanceText, WORDS } from './words.js';
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

/** GitHub Actions workflow commands: a plain summary in the log, then one annotation per finding. */
export function formatGithub(hostile: Report, options: GithubOptions): string {
  // Text from documents reaches a CI log: control characters are shown, never acted on.
  const report = inertReport(hostile);
  const w = WORDS[options.lang];
  const s = report.summary;
  // Plain lines are shown in the log as they are, but a line that starts with `::` is a command: keep them inert.
  const plain = (line: string) => (line.startsWith('::') ? ` ${line}` : line).replace(/[\r\n]+/g, ' ');
  const lines = [
    plain(
      `${report.tool.name} ${report.tool.version}: ${w.documents} ${s.documents}, ${w.outcomes.pass} ${s.passed}, ${w.outcomes.fail} ${s.failed}, ` +
        `${w.outcomes.unreadable} ${s.unreadable}; ${w.severityPlural.error} ${s.errors}, ${w.severityPlural.warning} ${s.warnings}, ${w.severityPlural.info} ${s.infos}` +
        (s.accepted > 0 ? `, ${w.accepted} ${s.accepted}` : ''),
    ),
  ];
  if (report.documents.length > 1) {
    lines.push(plain(`${w.ranking}:`));
    for (const t of rankByErrors(report)) {
      const d = t.document;
      lines.push(
        plain(`  ${d.department ?? d.source}${d.year !== null ? ` ${d.year}` : ''}: ${w.severityPlural.error} ${t.errors}, ${w.severityPlural.warning} ${t.warnings}, ${w.severityPlural.info} ${t.infos}${t.accepted > 0 ? `, ${w.accepted} ${t.accepted}` : ''} (${w.outcomes[d.outcome]}; ${d.source})`),
      );
    }
  }
  for (const doc of report.documents) {
    if (doc.outcome === 'unreadable') {
      const error = doc.error;
      lines.push(command('error', [['file', error?.file ?? doc.source], ['line', error?.line], ['title', w.outcomes.unreadable]], error?.message ?? doc.source));
      continue;
    }
    for (const f of doc.findings) {
      const loc = primaryLocation(f);
      const title = ruleById(f.rule)?.meta.title[options.lang];
      const named = title !== undefined ? `${title} (${f.rule})` : f.rule;
      // An accepted finding is a notice, never an error or warning annotation: it no longer fails the run.
      lines.push(
        command(
          f.accepted ? 'notice' : COMMAND[f.severity],
          [
            // A PDF page line or a sheet row is not a line of the file: the title says where instead.
            ['file', loc ? sourceFile(loc) : doc.source],
            ['line', loc && isFileLine(loc) ? loc.line : undefined],
            ['title', `${f.accepted ? `${w.accepted}: ${named}` : named}${loc && !isFileLine(loc) ? ` @ ${inFile(loc)}` : ''}`],
          ],
          `${f.message}${f.accepted ? `\n${w.accepted}: ${acceptanceText(f.accepted, options.lang)}` : ''}\n${w.findingId}: ${f.id}`,
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
