import type { DisclosureDocument } from '../../model/document.js';
import { amount } from './amount.js';
import { arithmetic } from './arithmetic.js';
import { change } from './change.js';
import { completion } from './completion.js';
import { composition } from './composition.js';
import type { Extractor } from './context.js';
import { direction } from './direction.js';
import { readClaims, type NarrativeReading } from './driver.js';
import { explanation } from './explanation.js';
import { presence } from './presence.js';
import { rate } from './rate.js';
import { share } from './share.js';
import { subjectName } from './subject-name.js';

/**
 * Every claim kind the narrative is read for, one file each, in the order they are read from a
 * sentence: explanations set aside the figures of the compositions before them, and a change
 * skips the figures of the changes before it.
 */
export const EXTRACTORS = [subjectName, amount, share, completion, direction, change, composition, arithmetic, explanation, rate, presence] as const;

type ClaimOf<E> = E extends Extractor<infer C> ? C : never;

/** A claim of any kind the registry reads. */
export type Claim = ClaimOf<(typeof EXTRACTORS)[number]>;

/** What the narrative says, and which of its numbers no claim accounts for. */
export type NarrativeClaims = NarrativeReading<Claim>;

const CACHE = new WeakMap<DisclosureDocument, NarrativeClaims>();

/**
 * Every claim the narrative makes about the accounts, in document order. Pure, and computed once
 * per document: the narrative rules share it.
 */
export function claimsOf(doc: DisclosureDocument): NarrativeClaims {
  const cached = CACHE.get(doc);
  if (cached) return cached;
  const result = readClaims<Claim>(doc, EXTRACTORS);
  CACHE.set(doc, result);
  return result;
}

export type { Side } from './claim.js';
