import type { Report } from '../../src/report/model.js';
import { reportFor, SINGLE } from './support.js';

/** Text that breaks every format it is not escaped for: HTML, Markdown tables, XML, CSV, workflow commands, spreadsheets. */
export const HOSTILE = `=HYPERLINK("x")<script>alert("zjs")</script><img src=x onerror=alert(1)> & ' " | a|b \` * _ [l](http://x) 100%25 %0A a:b, c\r\n::error::next\u0001\u0007 ]]> -- <!-- \\|`;

/** The seed report with hostile text in every string a document or the engine could put there, and narrative coverage. */
export async function hostileReport(): Promise<Report> {
  const report = structuredClone(await reportFor(SINGLE));
  const doc = report.documents[0];
  if (!doc) throw new Error('no document');
  doc.department = HOSTILE;
  doc.unit = HOSTILE;
  doc.claims = { found: 12, checked: 10, unbound: 3 };
  for (const t of doc.tables) t.title = `${t.title}${HOSTILE}`;
  doc.findings = doc.findings.slice(0, 3);
  for (const f of doc.findings) {
    f.message = HOSTILE;
    f.sentence = { text: HOSTILE, loc: { file: HOSTILE, line: 7 } };
    for (const e of f.excerpts ?? []) {
      e.title = HOSTILE;
      for (const c of e.columns) c.label = HOSTILE;
      for (const r of e.rows) {
        r.label = HOSTILE;
        r.cells = r.cells.map((c) => (c === null ? null : HOSTILE));
      }
    }
  }
  const finding = doc.findings[0];
  if (finding) finding.severity = 'error';
  // The last finding is a warning accepted by a waiver whose every field is hostile.
  const waived = doc.findings[doc.findings.length - 1];
  if (waived) {
    waived.severity = 'warning';
    waived.accepted = { by: 'waiver', file: HOSTILE, reason: HOSTILE, author: HOSTILE, date: '2024-05-01', expires: '2099-12-31' };
  }
  report.summary.errors = 1;
  report.summary.infos = doc.findings.length - 2;
  report.summary.warnings = 0;
  report.summary.accepted = 1;
  report.documents.push({
    source: HOSTILE,
    family: null,
    department: null,
    year: null,
    unit: null,
    tables: [],
    outcome: 'unreadable',
    error: { message: HOSTILE, file: HOSTILE, line: 3, page: null },
    checks: { run: 0, passed: 0, failed: 0, rounding: 0, skipped: 0 },
    findings: [],
  });
  report.summary.documents = 2;
  report.summary.unreadable = 1;
  return report;
}
