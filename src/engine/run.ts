import type { DisclosureDocument, TableKey } from '../model/document.js';
import type { CheckResult, Finding, Localized, Severity } from '../model/finding.js';
import { money, type Dec } from '../model/number.js';
import { compareLocations, type Location } from '../model/location.js';
import { RULES } from '../rules/index.js';
import { DEFAULT_CONTEXT, type Rule, type RuleContext, type RunContext } from '../rules/types.js';
import { detectFamily } from '../templates/detect.js';
import type { Related } from '../sets/check.js';
import { template } from '../templates/tables.js';
import { narrativeCoverage } from '../narrative/coverage.js';
import { excerpts } from './excerpt.js';
import { judgeReading, type Outcome, type Unreliable } from './reading.js';
import { tableLayout } from '../rules/table-layout.js';
import { messageParams, renderMessage, type Lang } from './messages.js';

export type Tolerance = 'interval' | 'exact';

export interface EngineOptions {
  lang: Lang;
  /** `exact` turns rounding notes into errors, for users who want printed figures to add up. */
  tolerance: Tolerance;
  /** Per-rule severity for failures, or `off` to not run the rule. */
  severity: Readonly<Record<string, Severity | 'off'>>;
  context: RunContext;
  rules: readonly Rule[];
  /** Keep every raw check result (for `explain`); a batch run drops them to free each document. */
  keepResults?: boolean;
}

export const DEFAULT_OPTIONS: EngineOptions = {
  lang: 'zh',
  tolerance: 'interval',
  severity: {},
  context: DEFAULT_CONTEXT,
  rules: RULES,
};

export interface TableSummary {
  key: TableKey;
  title: string;
  found: boolean;
  empty: boolean;
  location: Location | null;
}

export interface CheckCounts {
  run: number;
  passed: number;
  failed: number;
  rounding: number;
  skipped: number;
}

/** A rule's raw result, kept beside the rendered findings so that `explain` can show it whole. */
export interface RuleResult {
  rule: string;
  result: CheckResult;
}

export interface CheckedDocument {
  source: string;
  /** The template family the document was read as (部门决算, 高校决算…), named in the report language. */
  family: { id: string; name: string };
  department: string | null;
  year: number | null;
  unit: string;
  tables: TableSummary[];
  outcome: 'pass' | 'fail';
  checks: CheckCounts;
  findings: Finding[];
  /** Narrative coverage: claims found, claims checked, numbers tied to no claim. */
  claims: { found: number; checked: number; unbound: number };
  /** Every raw check result, when `keepResults` was asked for; empty otherwise. */
  results: RuleResult[];
  /** The documents it was reconciled with (src/sets): last year's, and the same year's 预算. */
  related?: Related;
}

function severityOf(rule: Rule, result: CheckResult, options: EngineOptions): Severity {
  if (result.status === 'skipped') return 'info';
  if (result.status === 'rounding') return options.tolerance === 'exact' ? 'error' : 'info';
  const configured = options.severity[rule.meta.id];
  if (configured && configured !== 'off') return configured;
  return result.severity ?? rule.meta.severity;
}

/** The location a finding is reported at: the first its rule gives (the total of a sum, the sentence of a claim). */
function firstLocation(f: Finding): Location | undefined {
  return f.locations[0];
}

/** Findings in document order: by first location, then rule, then key. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = firstLocation(a);
  const lb = firstLocation(b);
  if (la && lb) {
    const c = compareLocations(la, lb);
    if (c !== 0) return c;
  } else if (la || lb) {
    return la ? -1 : 1;
  }
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const text = (value: Dec | string): string => (typeof value === 'string' ? value : money(value));

/** The numbers of a check as exact decimal strings, the form findings carry. */
function numbers(result: CheckResult): Pick<Finding, 'expected' | 'actual' | 'difference' | 'tolerance'> {
  return {
    ...(result.expected !== undefined ? { expected: text(result.expected) } : {}),
    // A blank cell is shown as blank, never as 0.00.
    ...(result.actual !== undefined ? { actual: result.actualBlank ? '' : text(result.actual) } : {}),
    ...(result.difference !== undefined ? { difference: text(result.difference) } : {}),
    ...(result.tolerance !== undefined ? { tolerance: text(result.tolerance) } : {}),
  };
}

/** The one warning for a table that could not be read reliably, with why and how many checks it skips. */
function unreliableResult(u: Unreliable, name: Localized): CheckResult {
  return {
    key: `table-unreliable/${u.table}`,
    status: 'fail',
    relation: 'none',
    message: { id: 'table-unreliable', params: { table: name, reason: u.reason, skipped: String(u.skipped) } },
    locations: [u.loc],
    severity: 'warning',
  };
}

/** Runs every enabled rule over one document and renders what they report. */
export function checkDocument(doc: DisclosureDocument, options: EngineOptions = DEFAULT_OPTIONS): CheckedDocument {
  const match = detectFamily(doc, options.context.catalog);
  const context: RuleContext = { ...options.context, family: match.family };
  const counts: CheckCounts = { run: 0, passed: 0, failed: 0, rounding: 0, skipped: 0 };
  const findings: Finding[] = [];
  const results: RuleResult[] = [];
  const claimKeys = new Set<string>();
  const gathered: Outcome[] = [];
  for (const rule of options.rules) {
    if (options.severity[rule.meta.id] === 'off') continue;
    for (const result of rule.check(doc, context)) gathered.push({ rule, result });
  }
  // A table whose failures are better explained by a misreading: one warning, its checks skipped.
  const judged = judgeReading(doc, gathered);
  const outcomes = judged.outcomes;
  if (options.severity[tableLayout.meta.id] !== 'off') {
    const layout = options.rules.find((r) => r.meta.id === tableLayout.meta.id) ?? tableLayout;
    for (const u of judged.unreliable) outcomes.push({ rule: layout, result: unreliableResult(u, context.catalog.tableByKey.get(u.table)?.name ?? { zh: u.table, en: u.table }) });
  }
  for (const { rule, result } of outcomes) {
    const narrative = rule.meta.tags.includes('narrative');
    if (narrative && result.status !== 'skipped') claimKeys.add(result.key);
    if (options.keepResults) results.push({ rule: rule.meta.id, result });
    const severity = severityOf(rule, result, options);
    switch (result.status) {
      case 'pass':
        counts.run++;
        counts.passed++;
        continue;
      case 'rounding':
        counts.run++;
        if (options.tolerance === 'exact') counts.failed++;
        else counts.rounding++;
        break;
      case 'fail':
        counts.run++;
        counts.failed++;
        break;
      case 'skipped':
        counts.skipped++;
        break;
      default: {
        const never: never = result.status;
        throw new Error(`unknown status ${String(never)}`);
      }
    }
    findings.push({
      rule: rule.meta.id,
      id: `${rule.meta.id}:${result.key}`,
      severity,
      status: result.status,
      message: renderMessage(rule.meta, result, options.lang),
      messageId: result.message.id,
      params: messageParams(result, options.lang),
      ...(result.status === 'skipped' && result.reason ? { reason: result.reason[options.lang] } : {}),
      locations: result.locations,
      ...numbers(result),
      excerpts: excerpts(doc, result.locations),
      ...(result.sentence ? { sentence: result.sentence } : {}),
    });
  }

  findings.sort(compareFindings);
  // Ids key baselines and SARIF fingerprints: two findings with the same key get #2, #3… in order.
  const seen = new Map<string, number>();
  for (const f of findings) {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    if (n > 1) f.id = `${f.id}#${n}`;
  }
  const tables: TableSummary[] = match.family.def.tables.map(({ key }) => {
    const table = doc.tables[key];
    return {
      key,
      title: table?.title ?? template(key).name.zh,
      found: table !== undefined,
      empty: table?.empty ?? false,
      location: table ? { file: table.titleLoc.file, line: table.titleLoc.line, ...(table.titleLoc.page ? { page: table.titleLoc.page } : {}) } : null,
    };
  });
  return {
    source: doc.source,
    family: { id: match.family.def.id, name: match.family.def.name[options.lang] },
    department: doc.department?.name ?? null,
    year: doc.year?.value ?? null,
    unit: doc.unit,
    tables,
    outcome: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass',
    checks: counts,
    findings,
    claims: narrativeCoverage(doc, claimKeys).counts,
    results,
  };
}
