import { checkDocument, type EngineOptions } from '../engine/run.js';
import type { DisclosureDocument } from '../model/document.js';
import type { Severity } from '../model/finding.js';
import type { ReportEntry } from '../report/model.js';
import { digestOf, type DocumentDigest } from '../sets/digest.js';
import { digestHead, Serialized, type HeadedDigest } from './held.js';

/**
 * A document of a run as the report and the rules across documents need it: its entry, and (when
 * the run reconciles documents) its digest and the severities its config sets. From a pool worker
 * of a reconciling run, the entry and the digest come serialised (see `packEntry`).
 */
export interface CheckedEntry {
  entry: ReportEntry | Serialized<ReportEntry>;
  digest?: DocumentDigest | HeadedDigest;
  severity?: Severities;
}

/** The severities a document's config sets, by rule. */
type Severities = Readonly<Record<string, Severity | 'off'>>;

/** A checked entry as it is made, before any serialisation. */
export interface PlainEntry {
  entry: ReportEntry;
  digest?: DocumentDigest;
  severity?: Severities;
}

/** A checked entry as plain data and bytes, for a worker to post (the bytes' buffers transferred). */
export interface PackedEntry {
  entry: Uint8Array;
  digest?: { head: DocumentDigest; bytes: Uint8Array };
  severity?: Severities;
}

/**
 * Serialises a worker's checked document once, where it was checked: the main thread of a
 * reconciling run writes these bytes to its temporary file as they are and reads only the digest's
 * head, instead of building the document and serialising it again.
 */
export function packEntry(checked: PlainEntry): PackedEntry {
  const { digest, severity } = checked;
  return {
    entry: Serialized.of(checked.entry).bytes,
    ...(digest ? { digest: { head: digestHead(digest), bytes: Serialized.of(digest).bytes } } : {}),
    ...(severity ? { severity } : {}),
  };
}

/** A packed entry as the run holds it: its bytes, read only when the entry is drained. */
export function unpackEntry(packed: PackedEntry): CheckedEntry {
  const { digest, severity } = packed;
  return {
    entry: new Serialized<ReportEntry>(packed.entry),
    ...(digest ? { digest: { head: digest.head, whole: new Serialized<DocumentDigest>(digest.bytes) } } : {}),
    ...(severity ? { severity } : {}),
  };
}

/** The kind (决算 or 预算) of the family a document was read as. */
export function kindOf(familyId: string, options: EngineOptions): DocumentDigest['kind'] {
  return options.context.catalog.families.find((f) => f.def.id === familyId)?.def.kind ?? 'final';
}

/** Checks a document; with `digest`, also keeps the few cells and claims the rules across documents read. */
export function checkedEntry(doc: DisclosureDocument, options: EngineOptions, digest: boolean): PlainEntry {
  const checked = checkDocument(doc, options);
  const entry: ReportEntry = { kind: 'checked', doc: checked };
  return digest ? { entry, digest: digestOf(doc, kindOf(checked.family.id, options)), severity: options.severity } : { entry };
}
