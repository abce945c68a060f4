import type { Cell } from '../../model/document.js';
import type { Binding } from '../bind.js';
import type { Num } from '../numbers.js';
import type { Sentence } from '../text.js';

/** One side of a claim: a number printed in the text, or the table cell the text is about. */
export type Side = { source: 'text'; num: Num } | { source: 'table'; binding: Binding; cell: Cell | undefined; present: boolean };

/** What every claim has; each kind (one file beside this one) adds its own figures. */
export interface ClaimBase {
  kind: string;
  /** Stable key: claim kind, sentence and the figures it uses. */
  key: string;
  sentence: Sentence;
  /** The printed numbers the claim uses, for coverage. */
  uses: Num[];
}

/**
 * A claim's key names what it says, not where: its kind and its printed figures (and, for an
 * amount, the cell it restates). Inserting text elsewhere leaves it unchanged, so baselines and
 * waivers keep matching; the engine numbers any repeat (#2, #3…).
 */
export const claimKey = (kind: string, nums: readonly Num[], target?: Binding): string =>
  `${kind}/${target ? `${target.table}:${target.row}:${target.column}/` : ''}${nums.map((n) => n.text).join('|')}`;
