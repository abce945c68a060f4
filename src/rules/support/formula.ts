import { evaluateFormula, type EvalEnv } from '../../formula/evaluate.js';
import type { DisclosureDocument } from '../../model/document.js';
import type { CheckResult, Localized } from '../../model/finding.js';
import type { CompiledIdentity } from '../../templates/compiled.js';
import type { Rule, RuleContext } from '../types.js';
import { skipped } from './identity.js';

function env(ctx: RuleContext): EvalEnv {
  const def = (key: string) => ctx.catalog.tableByKey.get(key);
  return {
    tableName: (key) => def(key)?.name ?? { zh: key, en: key },
    columnName: (table, column) => {
      const t = def(table);
      const spec = [...(t?.incomeColumns ?? []), ...(t?.columns ?? [])].find((c) => c.key === column);
      return spec?.name ?? { zh: column, en: column };
    },
    groups: { personnel: ctx.personnelClasses, public: ctx.publicClasses },
  };
}

function missingTable(ctx: RuleContext, key: string): Localized {
  const name = ctx.catalog.tableByKey.get(key)?.name ?? { zh: key, en: key };
  return { zh: `未找到${name.zh}`, en: `the ${name.en} was not found` };
}

/** The checks of one identity on a document whose tables it reads are all present. */
export function evaluateIdentity(identity: CompiledIdentity, doc: DisclosureDocument, ctx: RuleContext): CheckResult[] {
  const def = identity.def;
  return evaluateFormula(
    identity.compiled.formula,
    { key: def.key ?? [def.id, ...identity.compiled.formula.bindings.map((b) => `{$${b.variable.name}}`)].join('/'), message: def.message, params: def.params ?? {}, complete: def.complete === true },
    doc,
    env(ctx),
  );
}

/**
 * Every identity the document's family lists under a rule. A table the identities need but the
 * document lacks makes one skipped result per table: a rule that cannot run says so.
 */
export function evaluateRule(ruleId: string, doc: DisclosureDocument, ctx: RuleContext): CheckResult[] {
  const identities = ctx.family.byRule.get(ruleId) ?? [];
  const missing: string[] = [];
  const results: CheckResult[] = [];
  for (const identity of identities) {
    const absent = identity.compiled.tables.filter((k) => !doc.tables[k]);
    if (absent.length > 0) {
      for (const k of absent) if (!missing.includes(k)) missing.push(k);
      continue;
    }
    results.push(...evaluateIdentity(identity, doc, ctx));
  }
  return [...missing.map((k) => skipped(`missing/${k}`, { id: 'title', params: {} }, missingTable(ctx, k))), ...results];
}

/** The check of a rule whose identities are data of the template families. */
export function formulaCheck(ruleId: string): Rule['check'] {
  return (doc, ctx) => evaluateRule(ruleId, doc, ctx);
}
