import type { Lang } from '../engine/messages.js';
import { compareFindings, type CheckedDocument } from '../engine/run.js';
import type { Finding, Severity } from '../model/finding.js';
import type { DocumentDigest } from './digest.js';
import { SET_RULES } from './rules/index.js';
import type { Partner, SetRule } from './rules/types.js';

/** The other document a document was reconciled with, as the report names it. */
export interface RelatedDocument {
  source: string;
  department: string | null;
  year: number | null;
  /** How the two department names were found to be one department (“中国共产党 → 中共; 去“中共”), or how the pair was given. */
  match: string;
}

/** The documents a document was reconciled with: last year's of the same kind, and (a 决算) the same year's 预算. */
export type Related = Partial<Record<Partner, RelatedDocument>>;

/** Partners given on the command line (--previous, --budget): each document of the run is paired with them. */
export type Explicit = Partial<Record<Partner, readonly DocumentDigest[]>>;

const sameDepartment = (a: DocumentDigest, b: DocumentDigest): boolean => a.department !== undefined && a.department.key === b.department?.key;

function wanted(doc: DocumentDigest, other: DocumentDigest, partner: Partner): boolean {
  if (doc.year === undefined || other.year === undefined) return false;
  return partner === 'previous' ? other.kind === doc.kind && other.year === doc.year - 1 : doc.kind === 'final' && other.kind === 'budget' && other.year === doc.year;
}

/**
 * The partners of a document among the set: documents of the same department (names compared
 * after normalisation), the kind and year each partner needs; given ones (--previous, --budget)
 * first, whatever their name.
 */
export function partnersOf(doc: DocumentDigest, set: readonly DocumentDigest[], explicit: Explicit, lang: Lang): Map<Partner, { other: DocumentDigest; match: string }> {
  const out = new Map<Partner, { other: DocumentDigest; match: string }>();
  for (const partner of ['previous', 'budget'] as const) {
    if (partner === 'budget' && doc.kind !== 'final') continue;
    const given = explicit[partner] ?? [];
    const chosen = given.find((g) => sameDepartment(doc, g)) ?? (given.length === 1 ? given[0] : undefined);
    if (chosen && chosen.source !== doc.source) {
      out.set(partner, { other: chosen, match: lang === 'zh' ? `由 --${partner} 指定` : `given by --${partner}` });
      continue;
    }
    const found = set.find((o) => o.source !== doc.source && sameDepartment(doc, o) && wanted(doc, o, partner));
    if (found) out.set(partner, { other: found, match: matchText(doc, found, lang) });
  }
  return out;
}

function matchText(a: DocumentDigest, b: DocumentDigest, lang: Lang): string {
  const steps = [...new Set([...(a.department?.steps ?? []), ...(b.department?.steps ?? [])])].filter((s) => s !== '去空格');
  const names = a.department?.name === b.department?.name ? `“${a.department?.name ?? ''}”` : `“${a.department?.name ?? ''}” = “${b.department?.name ?? ''}”`;
  if (steps.length === 0) return lang === 'zh' ? `部门名称相同：${names}` : `same department name: ${names}`;
  return lang === 'zh' ? `部门名称规范化后相同：${names}（${steps.join('；')}）` : `department names equal once normalised: ${names} (${steps.join('; ')})`;
}

/**
 * Runs the cross-document rules on one checked document and its partners: findings (naming both
 * documents and both cells) added to its own, counts updated, and the partners recorded.
 */
export function reconcile(
  checked: CheckedDocument,
  doc: DocumentDigest,
  set: readonly DocumentDigest[],
  explicit: Explicit,
  lang: Lang,
  severity: Readonly<Record<string, Severity | 'off'>> = {},
  rules: readonly SetRule[] = SET_RULES,
  resolve: Resolve = (d) => d,
): CheckedDocument {
  const partners = partnersOf(doc, set, explicit, lang);
  if (partners.size === 0) return checked;
  const findings: Finding[] = [...checked.findings];
  const checks = { ...checked.checks };
  for (const rule of rules) {
    if (rule.kind !== doc.kind || severity[rule.id] === 'off') continue;
    const partner = partners.get(rule.partner);
    if (!partner) continue;
    for (const result of rule.check(doc, resolve(partner.other))) {
      checks.run++;
      if (result.status === 'pass') {
        checks.passed++;
        continue;
      }
      if (result.status === 'fail') checks.failed++;
      else if (result.status === 'rounding') checks.rounding++;
      const configured = severity[rule.id];
      const level: Severity = result.status === 'fail' ? (configured && configured !== 'off' ? configured : rule.severity) : 'info';
      findings.push({
        rule: rule.id,
        id: `${rule.id}:${result.key}`,
        severity: level,
        status: result.status,
        message: result.message[lang],
        // The message is whole in `detail` (the rules across documents have one template, “{detail}”).
        messageId: 'set',
        params: { detail: result.message[lang], other: partner.other.source },
        locations: result.locations,
        ...(result.expected !== undefined ? { expected: result.expected } : {}),
        ...(result.actual !== undefined ? { actual: result.actual } : {}),
        ...(result.difference !== undefined ? { difference: result.difference } : {}),
        ...(result.tolerance !== undefined ? { tolerance: result.tolerance } : {}),
      });
    }
  }
  findings.sort(compareFindings);
  const related: Related = {};
  for (const [partner, { other, match }] of partners) related[partner] = { source: other.source, department: other.department?.name ?? null, year: other.year ?? null, match };
  return { ...checked, findings, checks, outcome: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass', related };
}

/** A checked document of a run waiting to be reconciled: its place among the run's entries and its digest. */
export interface Pending {
  at: number;
  digest: DocumentDigest;
  severity?: Readonly<Record<string, Severity | 'off'>>;
}

/**
 * A digest whole, from the one a run keeps in memory: a run over a province keeps of each document
 * only what finds its partners (source, department, kind, year) and the rest serialised.
 */
export type Resolve = (digest: DocumentDigest) => DocumentDigest;

/** One entry of a run reconciled with its partners among the run's digests (and the given ones). */
export function reconcileEntry<E extends { kind: string; doc?: CheckedDocument }>(entry: E, pending: Pending, digests: readonly DocumentDigest[], explicit: Explicit, lang: Lang, resolve: Resolve = (d) => d): E {
  return entry.kind === 'checked' && entry.doc ? { ...entry, doc: reconcile(entry.doc, resolve(pending.digest), digests, explicit, lang, pending.severity, SET_RULES, resolve) } : entry;
}

/**
 * Reconciles every checked document of a run with its partners among the run's digests (and the
 * given ones), in place: each entry becomes the document with its findings across documents.
 */
export function reconcileAll<E extends { kind: string; doc?: CheckedDocument }>(entries: E[], pending: readonly Pending[], explicit: Explicit, lang: Lang): void {
  const digests = pending.map((p) => p.digest);
  for (const p of pending) {
    const entry = entries[p.at];
    if (entry) entries[p.at] = reconcileEntry(entry, p, digests, explicit, lang);
  }
}
