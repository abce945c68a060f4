import { agree } from './compare.js';
import type { SetRule } from './types.js';

const FUNDS: ReadonlyArray<readonly [string, { zh: string; en: string }]> = [
  ['', { zh: '合计', en: 'in total' }],
  ['-general', { zh: '一般公共预算财政拨款', en: 'general public budget' }],
  ['-fund', { zh: '政府性基金预算财政拨款', en: 'government funds' }],
  ['-capital', { zh: '国有资本经营预算财政拨款', en: 'state capital' }],
];

/** 决算 ↔ last year's 决算: 年初财政拨款结转和结余 = last year's 年末, per fund where both print it. */
export const finalPrevious: SetRule = {
  id: 'set-final-previous',
  title: { zh: '年初结转和结余与上年决算年末结转和结余一致', en: 'Carry-over at the start of the year agrees with last year’s closing balance' },
  severity: 'error',
  kind: 'final',
  partner: 'previous',
  check(doc, other) {
    return FUNDS.flatMap(([suffix, fund]) => {
      const opening = doc.cells[`opening${suffix}`];
      const closing = other.cells[`closing${suffix}`];
      if (!opening || !closing) return [];
      return [
        agree(
          `opening${suffix || '-total'}`,
          closing,
          opening,
          {
            zh: `${doc.year ?? ''}年决算年初结转和结余（${fund.zh}）${opening.text}万元应等于${other.year ?? ''}年决算（${other.source}）年末结转和结余${closing.text}万元`,
            en: `the ${doc.year ?? ''} carry-over at the start of the year (${fund.en}), ${opening.text}, must equal the closing balance of the ${other.year ?? ''} final accounts (${other.source}), ${closing.text}`,
          },
          [opening.loc, closing.loc],
        ),
      ];
    });
  },
};
