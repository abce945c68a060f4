import type { DigestCell } from '../digest.js';
import { agree, impliedLastYear } from './compare.js';
import type { SetRule } from './types.js';

const ITEM_NAMES: Record<string, { zh: string; en: string }> = {
  total: { zh: '收支预算总额', en: 'the budget total' },
  general: { zh: '一般公共预算', en: 'the general public budget' },
  fiscal: { zh: '财政拨款收支预算总额', en: 'the fiscal appropriation total' },
  'three-public': { zh: '“三公”经费预算', en: 'the “three public” budget' },
};

/**
 * 预算 ↔ last year's 预算: each 比上年增加/减少 X万元 of this year's 说明 says what last year's 预算
 * printed (this year's figure less the change); last year's tables must print it.
 */
export const budgetPrevious: SetRule = {
  id: 'set-budget-previous',
  title: { zh: '预算说明“比上年”增减与上年预算一致', en: 'Budget year-on-year changes agree with last year’s budget' },
  severity: 'error',
  kind: 'budget',
  partner: 'previous',
  check(doc, other) {
    return doc.claims.flatMap((claim) => {
      const before: DigestCell | undefined = other.cells[claim.item];
      const now = claim.current ?? doc.cells[claim.item];
      const name = ITEM_NAMES[claim.item] ?? { zh: claim.item, en: claim.item };
      if (!before || !now || !claim.change) return [];
      const { value: stated, printed } = impliedLastYear(now, claim.change);
      const word = claim.change.sign > 0 ? { zh: '增加', en: 'an increase of' } : { zh: '减少', en: 'a decrease of' };
      return [
        agree(
          claim.key,
          printed,
          before,
          {
            zh: `${doc.year ?? ''}年预算说明称${name.zh}${now.text}万元、比上年${word.zh}${claim.change.text}万元，即上年为${stated.toFixed(2)}万元；${other.year ?? ''}年预算（${other.source}）${before.label.zh}为${before.text}万元`,
            en: `the ${doc.year ?? ''} budget narrative states ${name.en} of ${now.text} (10k yuan), ${word.en} ${claim.change.text} on last year, so last year ${stated.toFixed(2)}; the ${other.year ?? ''} budget (${other.source}) prints ${before.text} in ${before.label.en}`,
          },
          [claim.loc, before.loc],
        ),
      ];
    });
  },
};
