import type { Lang } from '../engine/messages.js';
import { inputErrorLine } from '../engine/input-errors.js';
import type { Finding } from '../model/finding.js';
import { formatLocation, isFileLine, sourceFile } from '../model/location.js';
import { renderSpooled, type Report, type ReportDocument, type SpooledStream } from './model.js';
import { byErrors, lightTally, primaryLocation, type DocumentTally } from './summary.js';
import { acceptanceText, WORDS, type Words } from './words.js';

export interface JunitOptions {
  lang: Lang;
  /** Severities at or above this fail a test case: the same line the exit code draws. */
  failOn: 'error' | 'warning';
}

/*
 * How a report becomes JUnit XML. The report lists findings, not every check, so:
 * - each document is one <testsuite>; an unreadable document is a suite with one test case
 *   that has an <error> (the document could not be checked at all);
 * - each finding is one <testcase> (name: the finding id, classname: the rule id, file and line:
 *   its first location):
 *   - an error (and a warning under --fail-on warning) has a <failure>;
 *   - a skipped check has <skipped>;
 *   - anything else (rounding notes, warnings under --fail-on error, and every finding accepted by
 *     a baseline or a waiver) passes, with the message in <system-out> and its severity, numbers
 *     and acceptance in <properties>;
 * - the checks that passed are not listed one by one, but they are counted: a suite's `tests` is
 *   its passed checks plus its findings (= checks run + checks skipped), so `tests` − `failures` −
 *   `skipped` − `errors` is the number of checks that held.
 */

// XML 1.0 cannot carry most control characters or lone surrogates, even escaped: drop them.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string | number): string {
  return text(String(value)).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A comment may not contain `--`; it carries only a summary, so the dashes are spaced out. */
function comment(value: string): string {
  return text(value).replace(/--/g, '- -').replace(/-$/, '- ');
}

function attrs(pairs: Array<[string, string | number | null | undefined]>): string {
  return pairs
    .filter((p): p is [string, string | number] => p[1] !== null && p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${attr(v)}"`)
    .join('');
}

function properties(pairs: Array<[string, string | number | null | undefined]>, indent: string): string[] {
  const present = pairs.filter((p): p is [string, string | number] => p[1] !== null && p[1] !== undefined);
  if (present.length === 0) return [];
  return [`${indent}<properties>`, ...present.map(([name, value]) => `${indent}  <property${attrs([['name', name], ['value', value]])}/>`), `${indent}</properties>`];
}

function details(f: Finding, w: Words, lang: Lang): string {
  const lines = [f.message];
  if (f.accepted) lines.push(`${w.accepted}: ${acceptanceText(f.accepted, lang)}`);
  if (f.sentence) lines.push(`${w.sentence}: ${f.sentence.text} (${formatLocation(f.sentence.loc)})`);
  const numbers: Array<[string, string | undefined]> = [
    [w.expected, f.expected],
    [w.actual, f.actual],
    [w.difference, f.difference],
    [w.tolerance, f.tolerance],
  ];
  const present = numbers.filter(([, v]) => v !== undefined);
  if (present.length > 0) lines.push(present.map(([k, v]) => `${k}: ${v}`).join(', '));
  if (f.locations.length > 0) lines.push(`${w.where}: ${f.locations.map(formatLocation).join(', ')}`);
  return lines.join('\n');
}

function testcase(f: Finding, options: JunitOptions, w: Words): string[] {
  const loc = primaryLocation(f);
  const open = `    <testcase${attrs([
    ['name', f.id],
    ['classname', f.rule],
    // CI tools open `file` at `line`: the file on disk, and a line only where it is one of that file.
    ['file', loc ? sourceFile(loc) : undefined],
    ['line', loc && isFileLine(loc) ? loc.line : undefined],
  ])}>`;
  const fails = failing(f, options);
  const props = properties(
    [
      ['severity', f.severity],
      ['status', f.status],
      ['page', loc?.page],
      ['expected', f.expected],
      ['actual', f.actual],
      ['difference', f.difference],
      ['tolerance', f.tolerance],
      ['accepted', f.accepted?.by],
      ['accepted.file', f.accepted?.file],
      ['accepted.reason', f.accepted?.reason],
      ['accepted.author', f.accepted?.author],
      ['accepted.date', f.accepted?.date],
      ['accepted.expires', f.accepted?.expires],
    ],
    '      ',
  );
  const body =
    f.status === 'skipped'
      ? [`      <skipped${attrs([['message', f.message]])}/>`]
      : fails
        ? [`      <failure${attrs([['message', f.message], ['type', f.severity]])}>${text(details(f, w, options.lang))}</failure>`]
        : [`      <system-out>${text(details(f, w, options.lang))}</system-out>`];
  return [open, ...props, ...body, '    </testcase>'];
}

/** A finding fails its test case when it makes the run fail: the same line the exit code draws. */
function failing(f: Finding, options: JunitOptions): boolean {
  return f.accepted === undefined && (f.severity === 'error' || (options.failOn === 'warning' && f.severity === 'warning'));
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suiteCounts(doc: ReportDocument, options: JunitOptions): SuiteCounts {
  if (doc.outcome === 'unreadable') return { tests: 1, failures: 0, errors: 1, skipped: 0 };
  return {
    tests: doc.checks.passed + doc.findings.length,
    failures: doc.findings.filter((f) => f.status !== 'skipped' && failing(f, options)).length,
    errors: 0,
    skipped: doc.findings.filter((f) => f.status === 'skipped').length,
  };
}

function suiteName(doc: ReportDocument): string {
  const name = [doc.department, doc.year !== null ? String(doc.year) : null].filter((x) => x !== null).join(' ');
  return name === '' ? doc.source : `${name} (${doc.source})`;
}

function suite(doc: ReportDocument, counts: SuiteCounts, options: JunitOptions, w: Words): string[] {
  const open = `  <testsuite${attrs([
    ['name', suiteName(doc)],
    ['tests', counts.tests],
    ['failures', counts.failures],
    ['errors', counts.errors],
    ['skipped', counts.skipped],
  ])}>`;
  const props = properties(
    [
      ['source', doc.source],
      ['department', doc.department],
      ['year', doc.year],
      ['outcome', doc.outcome],
      ['checks.run', doc.checks.run],
      ['checks.passed', doc.checks.passed],
      ['checks.failed', doc.checks.failed],
      ['checks.rounding', doc.checks.rounding],
      ['checks.skipped', doc.checks.skipped],
      ['claims.found', doc.claims?.found],
      ['claims.checked', doc.claims?.checked],
      ['claims.unbound', doc.claims?.unbound],
    ],
    '    ',
  );
  if (doc.outcome === 'unreadable') {
    const reason = doc.error ? inputErrorLine(doc.error) : doc.source;
    return [
      open,
      ...props,
      `    <testcase${attrs([['name', 'load'], ['classname', 'input'], ['file', doc.error?.file ?? doc.source], ['line', doc.error?.line]])}>`,
      `      <error${attrs([['message', reason], ['type', 'unreadable']])}>${text(reason)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ];
  }
  return [open, ...props, ...doc.findings.flatMap((f) => testcase(f, options, w)), '  </testsuite>'];
}

function addCounts(a: SuiteCounts, c: SuiteCounts): SuiteCounts {
  return { tests: a.tests + c.tests, failures: a.failures + c.failures, errors: a.errors + c.errors, skipped: a.skipped + c.skipped };
}

/**
 * JUnit XML written a document at a time: each document's suite as it comes; the summary comment
 * and the root element, whose attributes total every suite, from one tally per document at the end.
 */
export function junitStream(tool: Report['tool'], options: JunitOptions): SpooledStream {
  const w = WORDS[options.lang];
  const kept: DocumentTally[] = [];
  let total: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  return {
    document: (doc) => {
      kept.push(lightTally(doc, kept.length));
      const counts = suiteCounts(doc, options);
      total = addCounts(total, counts);
      return suite(doc, counts, options, w)
        .map((line) => `${line}\n`)
        .join('');
    },
    end: (s) => {
      const summary = [
        `${tool.name} ${tool.version}: ${w.documents} ${s.documents}, ${w.outcomes.pass} ${s.passed}, ${w.outcomes.fail} ${s.failed}, ` +
          `${w.outcomes.unreadable} ${s.unreadable}; ${w.severityPlural.error} ${s.errors}, ${w.severityPlural.warning} ${s.warnings}, ${w.severityPlural.info} ${s.infos}` +
          (s.accepted > 0 ? `, ${w.accepted} ${s.accepted}` : ''),
      ];
      if (kept.length > 1) {
        summary.push(`${w.ranking}:`);
        for (const t of [...kept].sort(byErrors)) {
          summary.push(`  ${t.document.department ?? t.document.source}: ${w.severityPlural.error} ${t.errors}, ${w.severityPlural.warning} ${t.warnings} (${w.outcomes[t.document.outcome]})`);
        }
      }
      const head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<!--\n${comment(summary.join('\n'))}\n-->`,
        `<testsuites${attrs([['name', tool.name], ['tests', total.tests], ['failures', total.failures], ['errors', total.errors], ['skipped', total.skipped]])}>`,
      ];
      return { head: `${head.join('\n')}\n`, tail: '</testsuites>\n' };
    },
  };
}

/** JUnit XML for CI test views: one suite per document, one case per finding (mapping above). */
export function formatJunit(report: Report, options: JunitOptions): string {
  return renderSpooled(report, junitStream(report.tool, options));
}
