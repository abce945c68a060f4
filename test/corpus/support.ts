import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedDocument } from '../../src/engine/run.js';
import { discover, loadDocument } from '../../src/load/index.js';
import type { DisclosureDocument } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import { RULES } from '../../src/rules/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real documents, beside the repository (never copied into it). */
export const DOCUMENTS = relative(process.cwd(), join(ROOT, '..', 'shared', 'documents')) || '.';

// The corpus suite runs only where the documents are (.ci/run checks first): a missing folder is a
// failure, never a silently empty suite.
if (!existsSync(DOCUMENTS)) throw new Error(`${DOCUMENTS} is absent: the corpus suite reads the real documents there`);

/** A document's path under ../shared/documents. */
export const doc = (name: string): string => join(DOCUMENTS, name);

// Reading a PDF takes a few seconds on a slow machine; this bounds a hang, it measures nothing.
export const SLOW = 120_000;

export async function load(name: string): Promise<DisclosureDocument> {
  const [source] = await discover([doc(name)]);
  if (!source) throw new Error(`nothing found at ${doc(name)}`);
  const loaded = await loadDocument(source);
  if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.error)}`);
  return loaded.value;
}

export const errorsOf = (checked: CheckedDocument): Finding[] => checked.findings.filter((f) => f.severity === 'error');

/** Where a finding stands: page:line for a PDF, the line for a text. */
export const at = (f: Finding): string => {
  const l = f.locations[0];
  return l?.page !== undefined ? `p${l.page}:${l.line ?? ''}` : `${l?.line ?? ''}`;
};

/** Rules that check tables, within one or across several. */
export const TABLE_RULES = new Set(RULES.filter((r) => r.meta.tags.some((t) => t === 'table' || t === 'cross-table')).map((r) => r.meta.id));
export const NARRATIVE_RULES = new Set(RULES.filter((r) => r.meta.tags.includes('narrative')).map((r) => r.meta.id));
