import type { Acceptance, Finding, Severity } from '../model/finding.js';
import type { CheckedDocument } from './run.js';

/**
 * Which disclosure a document is, independent of where its file lies: `department year` when both
 * were read from it, else the source path as given. Baselines and waivers name documents by it, so
 * one baseline covers a batch and survives moving or renaming the files.
 */
export function documentIdentity(doc: { department: string | null; year: number | null; source: string }): string {
  return doc.department !== null && doc.year !== null ? `${doc.department} ${doc.year}` : doc.source;
}

/** One accepted finding in a baseline file. `message` and `severity` are for people reading the file; they do not take part in matching. */
export interface BaselineEntry {
  id: string;
  rule: string;
  severity?: Severity;
  /** The numbers of the finding when it was recorded: a finding whose numbers change is no longer accepted. */
  expected?: string;
  actual?: string;
  message?: string;
}

export interface BaselineDocument {
  document: string;
  /** Where the document was read from when the baseline was written (for people; not matched). */
  source?: string;
  findings: BaselineEntry[];
}

export interface Baseline {
  file: string;
  documents: BaselineDocument[];
}

/** A waiver: accepts the findings of one rule at one place, with a written reason and its author. */
export interface Waiver {
  /** 1-based position in the file, for notices. */
  index: number;
  rule: string;
  /** A finding id as reports print it (`rule:key`); also covers the `#2`, `#3`… findings of the same key. */
  id?: string;
  table?: string;
  row?: string;
  column?: string;
  /** A document identity (`department year`) or source path; every document when absent. */
  document?: string;
  reason: string;
  author: string;
  date?: string;
  /** Last day (YYYY-MM-DD) the waiver applies. */
  expires?: string;
}

export interface WaiverSet {
  file: string;
  waivers: Waiver[];
}

/** What acceptance has to tell the user beside the report: one line each on standard error. */
export type AcceptanceNotice =
  | { kind: 'waiver-unused'; file: string; waiver: Waiver }
  | { kind: 'waiver-expired'; file: string; waiver: Waiver }
  | { kind: 'baseline-changed'; file: string; document: string; ids: string[] }
  | { kind: 'baseline-gone'; file: string; document: string; ids: string[] };

export interface AcceptanceInput {
  baseline?: Baseline;
  waivers?: WaiverSet;
  /** Today as YYYY-MM-DD, for waiver expiry (the command line reads the clock, never the engine). */
  today: string;
}

/** Findings that fail a run and so need accepting: errors and warnings. Notes never change the exit code. */
export function needsAcceptance(f: Finding): boolean {
  return f.severity !== 'info';
}

function sameNumbers(entry: BaselineEntry, f: Finding): boolean {
  return entry.expected === f.expected && entry.actual === f.actual;
}

/** The id without the `#n` that tells apart findings of the same key. */
function baseId(id: string): string {
  return id.replace(/#\d+$/, '');
}

function waiverMatches(w: Waiver, f: Finding, doc: CheckedDocument, identity: string): boolean {
  if (w.rule !== f.rule) return false;
  if (w.document !== undefined && w.document !== identity && w.document !== doc.source) return false;
  if (w.id !== undefined && w.id !== f.id && w.id !== baseId(f.id)) return false;
  if (w.table !== undefined) {
    const at = f.locations.some((l) => l.table === w.table && (w.row === undefined || l.row === w.row) && (w.column === undefined || l.column === w.column));
    if (!at) return false;
  }
  return true;
}

function fromWaiver(file: string, w: Waiver): Acceptance {
  return {
    by: 'waiver',
    file,
    reason: w.reason,
    author: w.author,
    ...(w.date !== undefined ? { date: w.date } : {}),
    ...(w.expires !== undefined ? { expires: w.expires } : {}),
  };
}

/**
 * Marks the findings a waiver or the baseline accepts. A waiver is tried first (it carries a
 * reason). A baseline entry accepts the finding with the same document identity, the same id and
 * the same numbers; an id found with other numbers is a changed problem and is reported again.
 * Outcomes are not recomputed here: the report counts accepted findings apart.
 */
export function applyAcceptance(docs: readonly CheckedDocument[], input: AcceptanceInput): { docs: CheckedDocument[]; notices: AcceptanceNotice[] } {
  const notices: AcceptanceNotice[] = [];
  const waivers = input.waivers;
  const live: Waiver[] = [];
  for (const w of waivers?.waivers ?? []) {
    if (w.expires !== undefined && w.expires < input.today) notices.push({ kind: 'waiver-expired', file: waivers?.file ?? '', waiver: w });
    else live.push(w);
  }
  const used = new Set<Waiver>();
  const baseline = new Map<string, BaselineEntry[]>();
  for (const d of input.baseline?.documents ?? []) baseline.set(d.document, [...(baseline.get(d.document) ?? []), ...d.findings]);

  const out = docs.map((doc) => {
    const identity = documentIdentity(doc);
    const entries = baseline.get(identity) ?? [];
    const matched = new Set<BaselineEntry>();
    const changed: string[] = [];
    const findings = doc.findings.map((f): Finding => {
      const same = input.baseline && needsAcceptance(f) ? entries.filter((e) => e.id === f.id) : [];
      for (const e of same) matched.add(e);
      const waiver = live.find((w) => waiverMatches(w, f, doc, identity));
      if (waiver && waivers) {
        used.add(waiver);
        return { ...f, accepted: fromWaiver(waivers.file, waiver) };
      }
      if (input.baseline && same.some((e) => sameNumbers(e, f))) return { ...f, accepted: { by: 'baseline', file: input.baseline.file } };
      if (same.length > 0) changed.push(f.id);
      return f;
    });
    if (input.baseline) {
      const file = input.baseline.file;
      if (changed.length > 0) notices.push({ kind: 'baseline-changed', file, document: identity, ids: changed });
      const gone = [...new Set(entries.filter((e) => !matched.has(e)).map((e) => e.id))];
      if (gone.length > 0) notices.push({ kind: 'baseline-gone', file, document: identity, ids: gone });
    }
    return { ...doc, findings };
  });
  for (const w of live) if (!used.has(w) && waivers) notices.push({ kind: 'waiver-unused', file: waivers.file, waiver: w });
  return { docs: out, notices };
}

/**
 * The baseline of a run: every error and warning not already accepted by a waiver (a waived
 * finding stays governed by its waiver, so that its expiry still works), per document, sorted so
 * that writing the same findings again gives the same bytes. Copies of one disclosure (same
 * identity) share one entry list.
 */
export function baselineOf(docs: readonly CheckedDocument[]): BaselineDocument[] {
  const byIdentity = new Map<string, BaselineDocument>();
  for (const doc of docs) {
    const identity = documentIdentity(doc);
    const entry = byIdentity.get(identity) ?? { document: identity, source: doc.source, findings: [] };
    byIdentity.set(identity, entry);
    for (const f of doc.findings) {
      if (!needsAcceptance(f) || f.accepted?.by === 'waiver') continue;
      if (entry.findings.some((e) => e.id === f.id && sameNumbers(e, f))) continue;
      entry.findings.push({
        id: f.id,
        rule: f.rule,
        severity: f.severity,
        ...(f.expected !== undefined ? { expected: f.expected } : {}),
        ...(f.actual !== undefined ? { actual: f.actual } : {}),
        message: f.message,
      });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const list = [...byIdentity.values()].filter((d) => d.findings.length > 0).sort((a, b) => cmp(a.document, b.document));
  for (const d of list) d.findings.sort((a, b) => cmp(a.id, b.id) || cmp(a.actual ?? '', b.actual ?? '') || cmp(a.expected ?? '', b.expected ?? ''));
  return list;
}
