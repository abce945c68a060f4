import type { DisclosureDocument } from '../model/document.js';
import { claimsOf, type Claim } from './claims/index.js';
import type { Num } from './numbers.js';
import type { Sentence } from './text.js';

export interface NumberCoverage {
  num: Num;
  sentence: Sentence;
  /** Used by some claim. */
  claimed: boolean;
  /** Used by a claim that was checked (passed, failed or within rounding; not skipped). */
  checked: boolean;
  /** In the 决算情况说明 part (第三部分), as opposed to the cover, 概况 or 绩效 attachments. */
  statement: boolean;
}

export interface Coverage {
  claims: Array<{ claim: Claim; checked: boolean }>;
  numbers: NumberCoverage[];
  counts: { found: number; checked: number; unbound: number };
  /** Numbers of the 决算情况说明 part, and how many of them end in a checked claim. */
  statements: { numbers: number; checked: number };
}

/** The 决算情况说明 part: under a “第三部分 …情况说明” heading, or the whole narrative when there are no parts. */
function inStatement(sentence: Sentence, parts: boolean): boolean {
  if (!parts) return true;
  const part = sentence.headings[0] ?? '';
  return /^第[一二三四五六七八九十]+部分/.test(part) && /情况说明/.test(part + (sentence.headings[1] ?? ''));
}

/**
 * Which claims were checked and which printed numbers they account for. `checkedKeys` are the keys
 * of claims whose checks ran (any status but skipped).
 */
export function narrativeCoverage(doc: DisclosureDocument, checkedKeys: ReadonlySet<string>): Coverage {
  const { claims, numbers, sentences } = claimsOf(doc);
  const parts = sentences.some((s) => s.heading && /^第[一二三四五六七八九十]+部分.*情况说明|^第三部分/.test(s.text));
  const usedBy = new Map<Num, Claim[]>();
  for (const claim of claims) {
    for (const n of claim.kind === 'amount' ? [claim.num] : claim.uses) {
      const list = usedBy.get(n) ?? [];
      list.push(claim);
      usedBy.set(n, list);
    }
  }
  const covered: NumberCoverage[] = numbers.map(({ num, sentence }) => {
    const by = usedBy.get(num) ?? [];
    return { num, sentence, claimed: by.length > 0, checked: by.some((c) => checkedKeys.has(c.key)), statement: inStatement(sentence, parts) };
  });
  const statement = covered.filter((n) => n.statement);
  return {
    claims: claims.map((claim) => ({ claim, checked: checkedKeys.has(claim.key) })),
    numbers: covered,
    counts: { found: claims.length, checked: claims.filter((c) => checkedKeys.has(c.key)).length, unbound: covered.filter((n) => !n.claimed).length },
    statements: { numbers: statement.length, checked: statement.filter((n) => n.checked).length },
  };
}
