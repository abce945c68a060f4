import { checkDocument, type EngineOptions } from '../engine/run.js';
import type { DisclosureDocument } from '../model/document.js';
import type { Severity } from '../model/finding.js';
import type { ReportEntry } from '../report/model.js';
import { digestOf, type DocumentDigest } from '../sets/digest.js';

/**
 * A document of a run as the report and the rules across documents need it: its entry, and (when
 * the run reconciles documents) its digest and the severities its config sets. Plain data, so that
 * a pool worker can post it to the main thread.
 */
export interface CheckedEntry {
  entry: ReportEntry;
  digest?: DocumentDigest;
  severity?: Readonly<Record<string, Severity | 'off'>>;
}

/** The kind (决算 or 预算) of the family a document was read as. */
export function kindOf(familyId: string, options: EngineOptions): DocumentDigest['kind'] {
  return options.context.catalog.families.find((f) => f.def.id === familyId)?.def.kind ?? 'final';
}

/** Checks a document; with `digest`, also keeps the few cells and claims the rules across documents read. */
export function checkedEntry(doc: DisclosureDocument, options: EngineOptions, digest: boolean): CheckedEntry {
  const checked = checkDocument(doc, options);
  const entry: ReportEntry = { kind: 'checked', doc: checked };
  return digest ? { entry, digest: digestOf(doc, kindOf(checked.family.id, options)), severity: options.severity } : { entry };
}
