import type { DisclosureDocument, TableKey } from '../model/document.js';
import type { CheckResult, Localized, Severity } from '../model/finding.js';
import { builtinCatalog } from '../templates/builtin.js';
import { detectFamily } from '../templates/detect.js';
import type { CompiledCatalog, CompiledFamily } from '../templates/compiled.js';

export type RuleTag = 'table' | 'cross-table' | 'narrative' | 'completeness' | 'input' | 'rounding' | 'user';

export interface RuleMeta {
  /** Stable id, kebab-case; also the name of the rule's docs page and test file. */
  id: string;
  title: Localized;
  /** Severity of a failed check; rounding notes are `info`, skipped checks are `info`. */
  severity: Severity;
  tags: readonly RuleTag[];
  /** Tables the rule reads; a missing one makes its checks `skipped`. */
  tables: readonly TableKey[];
  /** Message templates by id; `{name}` placeholders take the check's params. */
  messages: Readonly<Record<string, Localized>>;
}

/** Options a rule may read. Rules never read files, clocks or globals. */
export interface RuleContext {
  /** Economic classes summed into 人员经费 and 公用经费 when the document does not group them. */
  personnelClasses: readonly string[];
  publicClasses: readonly string[];
  /** The families and tables known to this run (built-in, plus the config's). */
  catalog: CompiledCatalog;
  /** The document's family: its tables, identities and required sections. */
  family: CompiledFamily;
}

export interface Rule {
  meta: RuleMeta;
  /** Pure: the same document gives the same results, and it never throws on any document. */
  check(doc: DisclosureDocument, ctx: RuleContext): CheckResult[];
}

/** The run's context before a document's family is known. */
export type RunContext = Omit<RuleContext, 'family'>;

export const DEFAULT_CONTEXT: RunContext = {
  personnelClasses: ['301', '303'],
  publicClasses: ['302', '307', '309', '310', '312', '313', '399'],
  catalog: builtinCatalog(),
};

/** The context of one document: the run's, with the family the document is detected as. */
export function contextFor(doc: DisclosureDocument, run: RunContext = DEFAULT_CONTEXT): RuleContext {
  return { ...run, family: detectFamily(doc, run.catalog).family };
}
