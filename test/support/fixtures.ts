import { readFileSync } from 'node:fs';
import { checkDocument, DEFAULT_OPTIONS, type CheckedDocument, type EngineOptions } from '../../src/engine/run.js';
import { discover, documentFromText, loadDocument } from '../../src/load/index.js';
import type { DisclosureDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';

export const ZHUZHOU = 'fixtures/zhuzhou-hrss-2023.txt';

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}

export function loadText(text: string, file = ZHUZHOU): DisclosureDocument {
  return documentFromText(file, text);
}

export function checkText(text: string, file = ZHUZHOU, options: Partial<EngineOptions> = {}): CheckedDocument {
  return checkDocument(loadText(text, file), { ...DEFAULT_OPTIONS, ...options });
}

/**
 * A planted change: on 1-based `line`, replace `from` by `to` (tab-separated field `field` when
 * given, else the first occurrence). Throws when the line does not hold `from`: a planted test
 * that changes nothing must not pass.
 */
export function plant(text: string, line: number, from: string, to: string, field?: number): string {
  const lines = text.split('\n');
  const current = lines[line - 1];
  if (current === undefined) throw new Error(`no line ${line}`);
  if (field !== undefined) {
    const fields = current.split('\t');
    if (fields[field - 1]?.trim() !== from) throw new Error(`line ${line} field ${field} is “${fields[field - 1]}”, not “${from}”`);
    fields[field - 1] = to;
    lines[line - 1] = fields.join('\t');
  } else {
    if (!current.includes(from)) throw new Error(`line ${line} does not contain “${from}”: ${current}`);
    lines[line - 1] = current.replace(from, to);
  }
  return lines.join('\n');
}

export const errors = (doc: CheckedDocument): Finding[] => doc.findings.filter((f) => f.severity === 'error');
export const byRule = (doc: CheckedDocument, rule: string): Finding[] => doc.findings.filter((f) => f.rule === rule);
export const atLine = (f: Finding, line: number): boolean => f.locations.some((l) => l.line === line);

/** Finds, loads and checks the one document at `path`, as `zjs check PATH` would. */
export async function checkPath(path: string, options: Partial<EngineOptions> = {}): Promise<CheckedDocument> {
  const [source] = await discover([path]);
  if (!source) throw new Error(`nothing found at ${path}`);
  const loaded = await loadDocument(source);
  if (!loaded.ok) throw new Error(`${path}: ${JSON.stringify(loaded.error)}`);
  return checkDocument(loaded.value, { ...DEFAULT_OPTIONS, ...options });
}
