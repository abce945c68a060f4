import { describe, it } from 'vitest';
import type { Lang } from '../../src/engine/messages.js';
import { FORMATS, type FormatName } from '../../src/report/index.js';
import { runInfo } from '../../src/cli/run-info.js';
import { discover } from '../../src/load/index.js';
import type { Report, RunInfo } from '../../src/report/model.js';
import { ACCEPTANCE, BATCH, expectGolden, reportFor, SINGLE } from './support.js';
import { dumpWorkbook } from './xlsx-dump.js';

const EXTENSION: Record<FormatName, string> = {
  text: 'txt',
  json: 'json',
  markdown: 'md',
  html: 'html',
  junit: 'junit.xml',
  sarif: 'sarif',
  github: 'github.txt',
  csv: 'csv',
  xlsx: 'xlsx.txt',
};

/** The run as the command line would pass it, dated by a fixed clock so that goldens stay the same. */
async function fixedRun(paths: readonly string[]): Promise<RunInfo> {
  return runInfo(new Date(Date.UTC(2024, 5, 1, 8, 0, 0)), paths, await discover(paths), [
    { name: '语言', value: 'zh' },
    { name: '尾数容差', value: 'interval' },
  ]);
}

async function render(format: FormatName, report: Report, lang: Lang, paths: readonly string[]): Promise<string> {
  const out = await FORMATS[format].render(report, { lang, color: false, width: 120, quiet: false, failOn: 'error', run: await fixedRun(paths) });
  return typeof out === 'string' ? out : dumpWorkbook(out);
}

const cases: Array<{ name: string; paths: string[]; lang: Lang }> = [
  { name: 'zhuzhou', paths: SINGLE, lang: 'zh' },
  { name: 'batch', paths: BATCH, lang: 'zh' },
];

describe('report formats match their golden files', () => {
  for (const c of cases) {
    for (const format of Object.keys(FORMATS) as FormatName[]) {
      it(`${format}: ${c.name}`, async () => {
        expectGolden(`${c.name}.${EXTENSION[format]}`, await render(format, await reportFor(c.paths, c.lang), c.lang, c.paths));
      });
    }
  }
  // Accepted findings (a waiver and a baseline), in every format.
  for (const format of Object.keys(FORMATS) as FormatName[]) {
    it(`${format}: batch with accepted findings`, async () => {
      expectGolden(`batch-accepted.${EXTENSION[format]}`, await render(format, await reportFor(BATCH, 'zh', ACCEPTANCE), 'zh', BATCH));
    });
  }
  it('text: batch with accepted findings in English', async () => {
    expectGolden('batch-accepted.en.txt', await render('text', await reportFor(BATCH, 'en', ACCEPTANCE), 'en', BATCH));
  });
  // English labels, in the two formats read by people in CI.
  for (const format of ['markdown', 'github'] as const) {
    it(`${format}: zhuzhou in English`, async () => {
      expectGolden(`zhuzhou.en.${EXTENSION[format]}`, await render(format, await reportFor(SINGLE, 'en'), 'en', SINGLE));
    });
  }
});
