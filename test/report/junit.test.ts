import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import type { Report } from '../../src/report/model.js';
import { ACCEPTANCE, BATCH, reportFor, SINGLE } from './support.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

interface Parsed {
  testsuites: Counts & { testsuite: Array<Counts & { name: string; testcase: Array<{ name: string; failure?: unknown; skipped?: unknown; error?: unknown }> }> };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml) as Parsed;
}

/** What the counts must be, from the report alone (see the mapping in src/report/junit.ts). */
function expected(report: Report, failOn: 'error' | 'warning'): Counts {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const d of report.documents) {
    if (d.outcome === 'unreadable') {
      tests += 1;
      errors += 1;
      continue;
    }
    tests += d.checks.run + d.checks.skipped;
    skipped += d.checks.skipped;
    // Accepted findings pass.
    failures += d.findings.filter((f) => !f.accepted && (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'))).length;
  }
  return { tests, failures, errors, skipped };
}

describe('JUnit XML', () => {
  for (const [name, paths, acceptance] of [
    ['zhuzhou', SINGLE, undefined],
    ['batch', BATCH, undefined],
    ['batch with accepted findings', BATCH, ACCEPTANCE],
  ] as const) {
    for (const failOn of ['error', 'warning'] as const) {
      it(`parses as XML with the right counts (${name}, fail on ${failOn})`, async () => {
        const report = await reportFor(paths, 'zh', acceptance);
        const xml = parse(formatJunit(report, { lang: 'zh', failOn }));
        const want = expected(report, failOn);
        const suites = xml.testsuites.testsuite;
        expect({ tests: xml.testsuites.tests, failures: xml.testsuites.failures, errors: xml.testsuites.errors, skipped: xml.testsuites.skipped }).toEqual(want);
        expect(suites).toHaveLength(report.documents.length);
        const cases = suites.flatMap((s) => s.testcase ?? []);
        expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(want.failures);
        expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(want.skipped);
        expect(cases.filter((c) => c.error !== undefined)).toHaveLength(want.errors);
        suites.forEach((suite, i) => {
          const doc = report.documents[i];
          expect(suite.testcase ?? []).toHaveLength(doc?.outcome === 'unreadable' ? 1 : (doc?.findings.length ?? -1));
          expect(suite.failures).toBe((suite.testcase ?? []).filter((c) => c.failure !== undefined).length);
          expect(suite.skipped).toBe((suite.testcase ?? []).filter((c) => c.skipped !== undefined).length);
          // Passed checks are counted, not listed.
          if (doc && doc.outcome !== 'unreadable') expect(suite.tests).toBe(doc.checks.passed + (suite.testcase ?? []).length);
        });
      });
    }
  }
});
