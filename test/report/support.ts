import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { renderInputError } from '../../src/engine/input-errors.js';
import type { Lang } from '../../src/engine/messages.js';
import { applyAcceptance, type AcceptanceInput } from '../../src/engine/accept.js';
import { checkDocument, DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { discover, loadDocument } from '../../src/load/index.js';
import { buildReport, type Report, type ReportEntry } from '../../src/report/model.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');

/** One document, clean: the seed fixture. */
export const SINGLE = ['fixtures/zhuzhou-hrss-2023.txt'];
/** A batch: clean documents (Hunan text, the generated Shanghai-layout CSV, synthetic), one with an error, an unreadable file. */
export const BATCH = [
  'fixtures/zhuzhou-hrss-2023.txt',
  'fixtures/shanghai-sample-2024-csv',
  'fixtures/synthetic/full-2024.txt',
  'fixtures/bad/non-numeric',
  'fixtures/bad/empty.txt',
];

/**
 * The batch with accepted findings: the unreadable cell waived with a reason, the 三公 layout
 * warnings (both copies of the Zhuzhou disclosure) accepted by a baseline.
 */
export const ACCEPTANCE: AcceptanceInput = {
  today: '2024-06-01',
  waivers: {
    file: 'zjs-waivers.json',
    waivers: [
      {
        index: 1,
        rule: 'cell-unreadable',
        table: 'expense',
        row: '2080105',
        column: 'basic',
        reason: '扫描件 OCR 把 0 识别为 O，原表为 69.90，已核对纸质件',
        author: '财务科 王敏',
        date: '2024-05-20',
        expires: '2024-12-31',
      },
    ],
  },
  baseline: {
    file: 'zjs-baseline.json',
    documents: [
      {
        document: '株洲市人力资源和社会保障局 2023',
        findings: [
          { id: 'empty-table-note:gov-fund/wrong/0', rule: 'empty-table-note' },
          { id: 'narrative-amount:amount/general-budget-expense:2080102:total/632.11万元', rule: 'narrative-amount', expected: '670.77', actual: '632.11' },
          { id: 'narrative-arithmetic:arithmetic/40万元|35.89万元|4万元|0万元', rule: 'narrative-arithmetic', expected: '35.89', actual: '36.00' },
          { id: 'narrative-rate:rate/92.1%', rule: 'narrative-rate', expected: '93.816631', actual: '92.10' },
          { id: 'narrative-subject-name:name/general-budget-expense:2069999/其他科学技支出', rule: 'narrative-subject-name' },
          { id: 'table-layout:cells-missing/three-public//actual-purchase,actual-operation', rule: 'table-layout' },
        ],
      },
    ],
  },
};

/** The report `zjs check PATHS` builds, with paths relative to the repository as a user would give them. */
export async function reportFor(paths: readonly string[], lang: Lang = 'zh', acceptance?: AcceptanceInput): Promise<Report> {
  // Sources keep the paths as given, so goldens hold relative paths only when run from the repository.
  if (resolve(process.cwd()) !== resolve(ROOT)) throw new Error(`run the tests from ${ROOT}`);
  const entries: ReportEntry[] = [];
  for (const source of await discover(paths)) {
    const loaded = await loadDocument(source);
    if (!loaded.ok) {
      entries.push({ kind: 'unreadable', source: source.source, error: renderInputError(loaded.error, lang) });
      continue;
    }
    const doc = checkDocument(loaded.value, { ...DEFAULT_OPTIONS, lang });
    entries.push({ kind: 'checked', doc: acceptance ? (applyAcceptance([doc], acceptance).docs[0] ?? doc) : doc });
  }
  return buildReport(entries);
}

/**
 * Compares output with test/golden/NAME byte for byte; `UPDATE_GOLDEN=1 npx vitest run` rewrites
 * the files instead, for review in the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run`);
  const expected = readFileSync(file);
  const bytes = Buffer.from(actual, 'utf8');
  if (!bytes.equals(expected)) {
    // Shows a readable diff; the byte comparison above is the test.
    expect(actual).toBe(expected.toString('utf8'));
    expect.fail(`${name} differs from its golden file in bytes that do not show as text`);
  }
}
