import { isAbsolute, relative, sep } from 'node:path';
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
  /**
   * Where the document was read from when the baseline was written, relative to the folder zjs ran
   * in (forward slashes). It tells apart copies of one disclosure (a draft and the published one);
   * a document whose path changed is matched by its findings instead.
   */
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
  /** The folder zjs runs in (absolute): baselines record sources relative to it. Sources stay as given when absent. */
  root?: string;
}

/** A source path as a baseline records it: relative to the run's folder, forward slashes, no `./`. */
export function sourceKey(source: string, root?: string): string {
  const rel = root !== undefined && isAbsolute(source) ? relative(root, source) : source;
  return rel.split(sep).join('/').replace(/^(\.\/)+/, '');
}

/** Whether the identity of a document is its path (its department or year could not be read). */
function pathIdentity(doc: { department: string | null; year: number | null }): boolean {
  return doc.department === null || doc.year === null;
}

/**
 * Which baseline document each checked document answers to. First by identity and source path;
 * then, for a document whose path is not in the baseline (moved or renamed), the unclaimed baseline
 * document of the same identity whose source is not in this run and that shares the most finding
 * ids with it (a document known only by its path needs one shared id at least). Each baseline
 * document answers to one checked document at most, so copies never share entries.
 */
function matchBaseline(docs: readonly CheckedDocument[], baseline: readonly BaselineDocument[], root: string | undefined): Array<BaselineDocument | undefined> {
  const keys = docs.map((d) => sourceKey(d.source, root));
  const inRun = new Set(keys);
  const claimed = new Set<BaselineDocument>();
  const out: Array<BaselineDocument | undefined> = docs.map((doc, i) => {
    const identity = documentIdentity(doc);
    const exact = baseline.find((b) => !claimed.has(b) && b.document === identity && b.source !== undefined && sourceKey(b.source) === keys[i]);
    if (exact) claimed.add(exact);
    return exact;
  });
  docs.forEach((doc, i) => {
    if (out[i]) return;
    const byPath = pathIdentity(doc);
    const identity = documentIdentity(doc);
    const ids = new Set(doc.findings.filter(needsAcceptance).map((f) => baseId(f.id)));
    let best: { b: BaselineDocument; shared: number } | undefined;
    for (const b of baseline) {
      if (claimed.has(b) || (b.source !== undefined && inRun.has(sourceKey(b.source)))) continue;
      if (byPath ? b.source === undefined || sourceKey(b.document) !== sourceKey(b.source) : b.document !== identity) continue;
      const shared = b.findings.filter((e) => ids.has(baseId(e.id))).length;
      if (byPath && shared === 0) continue;
      if (!best || shared > best.shared) best = { b, shared };
    }
    if (best) {
      claimed.add(best.b);
      out[i] = best.b;
    }
  });
  return out;
}

/** How a notice names a document: its identity, and its path when the identity is not the path. */
function noticeName(doc: CheckedDocument): string {
  const identity = documentIdentity(doc);
  return identity === doc.source ? identity : `${identity} (${doc.source})`;
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
  const matched = matchBaseline(docs, input.baseline?.documents ?? [], input.root);

  const out = docs.map((doc, n) => {
    const identity = documentIdentity(doc);
    const entries = matched[n]?.findings ?? [];
    const seen = new Set<BaselineEntry>();
    const changed: string[] = [];
    const findings = doc.findings.map((f): Finding => {
      const same = input.baseline && needsAcceptance(f) ? entries.filter((e) => e.id === f.id) : [];
      for (const e of same) seen.add(e);
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
      if (changed.length > 0) notices.push({ kind: 'baseline-changed', file, document: noticeName(doc), ids: changed });
      const gone = [...new Set(entries.filter((e) => !seen.has(e)).map((e) => e.id))];
      if (gone.length > 0) notices.push({ kind: 'baseline-gone', file, document: noticeName(doc), ids: gone });
    }
    return { ...doc, findings };
  });
  for (const w of live) if (!used.has(w) && waivers) notices.push({ kind: 'waiver-unused', file: waivers.file, waiver: w });
  return { docs: out, notices };
}

/**
 * The baseline of a run: every error and warning not already accepted by a waiver (a waived
 * finding stays governed by its waiver, so that its expiry still works), per document copy
 * (identity and source path relative to `root`), sorted so that writing the same findings again
 * gives the same bytes.
 */
export function baselineOf(docs: readonly CheckedDocument[], root?: string): BaselineDocument[] {
  const byCopy = new Map<string, BaselineDocument>();
  for (const doc of docs) {
    const identity = documentIdentity(doc);
    const source = sourceKey(doc.source, root);
    const key = `${identity}\u0000${source}`;
    const entry = byCopy.get(key) ?? { document: identity, source, findings: [] };
    byCopy.set(key, entry);
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
  const list = [...byCopy.values()].filter((d) => d.findings.length > 0).sort((a, b) => cmp(a.document, b.document) || cmp(a.source ?? '', b.source ?? ''));
  for (const d of list) d.findings.sort((a, b) => cmp(a.id, b.id) || cmp(a.actual ?? '', b.actual ?? '') || cmp(a.expected ?? '', b.expected ?? ''));
  return list;
}
