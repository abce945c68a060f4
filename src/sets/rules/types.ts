import type { CheckStatus, Localized, Severity } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import type { DocumentDigest } from '../digest.js';

/** Which other document a rule compares a document with. */
export type Partner = 'previous' | 'budget';

/** What a cross-document rule reports for one check: like a rule's result, with both documents' cells. */
export interface SetResult {
  key: string;
  status: Exclude<CheckStatus, 'pass'> | 'pass';
  message: Localized;
  /** The cell or sentence of this document, then the other document's cell. */
  locations: Location[];
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
}

/**
 * A rule across two documents of one department: pure, on digests only (never whole documents),
 * run once per pair the set holds.
 */
export interface SetRule {
  id: string;
  title: Localized;
  /** Severity of a failed check (configurable like any rule's); rounding notes are `info`. */
  severity: Severity;
  /** This document's kind, and the partner it needs. */
  kind: DocumentDigest['kind'];
  partner: Partner;
  check(doc: DocumentDigest, other: DocumentDigest): SetResult[];
}
