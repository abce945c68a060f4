import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { renderInputError } from '../../src/engine/input-errors.js';
import type { Lang } from '../../src/engine/messages.js';
import { checkDocument, DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { discover, loadDocument } from '../../src/load/index.js';
import { buildReport, type Report, type ReportEntry } from '../../src/report/model.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');

/** One document, clean: the seed fixture. */
export const SINGLE = ['fixtures/zhuzhou-hrss-2023.txt'];
/** A batch: clean documents (Hunan text, Shanghai CSV, synthetic), one with an error, an unreadable file. */
export const BATCH = [
  'fixtures/zhuzhou-hrss-2023.txt',
  'fixtures/shanghai-putuo-2024-csv',
  'fixtures/synthetic/full-2024.txt',
  'fixtures/bad/non-numeric',
  'fixtures/bad/empty.txt',
];

/** The report `zjs check PATHS` builds, with paths relative to the repository as a user would give them. */
export async function reportFor(paths: readonly string[], lang: Lang = 'zh'): Promise<Report> {
  // Sources keep the paths as given, so goldens hold relative paths only when run from the repository.
  if (resolve(process.cwd()) !== resolve(ROOT)) throw new Error(`run the tests from ${ROOT}`);
  const entries: ReportEntry[] = [];
  for (const source of await discover(paths)) {
    const loaded = await loadDocument(source);
    entries.push(
      loaded.ok
        ? { kind: 'checked', doc: checkDocument(loaded.value, { ...DEFAULT_OPTIONS, lang }) }
        : { kind: 'unreadable', source: source.source, error: renderInputError(loaded.error, lang) },
    );
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
