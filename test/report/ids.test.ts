import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATS } from '../../src/report/index.js';
import type { Report } from '../../src/report/model.js';
import { REPORT_SIGNATURE } from '../../src/version.js';
import { reportFor } from './support.js';
import { dumpWorkbook } from './xlsx-dump.js';

// The PDF copy of the Zhuzhou disclosure: every finding stands on a page.
let report: Report;
beforeAll(async () => {
  report = await reportFor(['fixtures/zhuzhou-hrss-2023.pdf']);
});

async function render(format: (typeof FORMAT_NAMES)[number]): Promise<string> {
  const out = await FORMATS[format].render(report, { lang: 'zh', color: false, width: 120, quiet: false, verbose: true, failOn: 'error' });
  return typeof out === 'string' ? out : dumpWorkbook(out);
}

describe('finding ids and pages in every format', () => {
  it('the PDF report has findings on pages', () => {
    const f = report.documents[0]?.findings.find((x) => x.rule === 'narrative-amount' && x.severity === 'error');
    expect(f?.locations[0]?.page).toBeGreaterThan(0);
  });

  for (const format of FORMAT_NAMES) {
    it(`${format} shows each error's id and page`, async () => {
      const out = await render(format);
      const errors = report.documents.flatMap((d) => d.findings).filter((f) => f.severity === 'error');
      expect(errors.length).toBe(3);
      for (const f of errors) {
        // Markdown escapes a pipe in a table cell; the id is otherwise printed as it is.
        const id = format === 'markdown' ? f.id.replace(/\|/g, '\\|') : format === 'html' || format === 'junit' ? f.id.replace(/&/g, '&amp;') : f.id;
        expect(out, `${format}: ${f.id}`).toContain(format === 'json' || format === 'sarif' ? JSON.stringify(f.id) : id);
        const page = f.locations[0]?.page;
        expect(page).toBeDefined();
        if (format === 'csv') {
          // The page has its own column, beside the file.
          expect(out.split('\r\n').find((l) => l.includes(f.id))).toContain(`fixtures/zhuzhou-hrss-2023.pdf,${page},${f.locations[0]?.line},`);
          continue;
        }
        const shown = format === 'xlsx' ? `${page}` : format === 'json' || format === 'sarif' ? `"page": ${page}` : format === 'github' ? `p${page}%3A` : format === 'junit' ? `name="page" value="${page}"` : `p${page}:`;
        expect(out, `${format}: page of ${f.id}`).toContain(shown);
      }
    });
  }
});

describe('reports that may be saved beside the inputs name themselves', () => {
  for (const format of ['text', 'markdown', 'html'] as const) {
    it(`${format} carries ${REPORT_SIGNATURE} in its first lines`, async () => {
      const head = (await render(format)).split('\n').slice(0, 5).join('\n');
      expect(head).toContain(REPORT_SIGNATURE);
    });
  }
});
