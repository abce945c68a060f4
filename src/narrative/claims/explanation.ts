import type { Num } from '../numbers.js';
import { claimKey, type ClaimBase } from './claim.js';
import type { CompositionClaim } from './composition.js';
import type { Extractor } from './context.js';
import { ACTUAL, BUDGET } from './sentence.js';

/**
 * 决算数大于/小于预算数的主要原因是：…A万元、B万元: the amounts given as the reason, against the
 * change they explain (B − A of the item). `partial`: the list ends with 等.
 */
export interface ExplanationClaim extends ClaimBase {
  kind: 'explanation';
  budget: Num;
  actual: Num;
  parts: Num[];
  partial: boolean;
}

/** The amounts listed as the reason for an item's change from its budget (after the compositions). */
export const explanation: Extractor<ExplanationClaim> = {
  kind: 'explanation',
  rule: 'narrative-explanation',
  extract(at, ctx, emit) {
    const { s, money } = at;
    const reason = /主要原因(是)?[:：]?|原因是[:：]?/.exec(s.text);
    if (!reason || !ctx.item) return;
    const budget = at.lastMoney(reason.index, BUDGET) ?? ctx.item.budget;
    const actual = at.lastMoney(reason.index, ACTUAL) ?? ctx.item.actual;
    if (!budget || !actual) return;
    const used = new Set(ctx.sentenceClaims.filter((c): c is CompositionClaim => c.kind === 'composition').flatMap((c) => c.uses));
    const parts = money.filter((n) => n.start > reason.index && !used.has(n) && !/(共计|合计|总计|资金|扣减项目资金)$/.test(at.subject(n)));
    if (parts.length === 0) return;
    const partial = /等[。，,;；]?$/.test(s.text.slice(parts[parts.length - 1]?.end ?? 0, (parts[parts.length - 1]?.end ?? 0) + 2));
    emit({ kind: 'explanation', key: claimKey('explanation', parts), sentence: s, uses: parts, budget, actual, parts, partial });
  },
};
