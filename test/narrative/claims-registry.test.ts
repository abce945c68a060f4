import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS, type Claim } from '../../src/narrative/claims/index.js';
import { claimKey, type ClaimBase } from '../../src/narrative/claims/claim.js';
import type { Extractor } from '../../src/narrative/claims/context.js';
import { readClaims } from '../../src/narrative/claims/driver.js';
import { RULES } from '../../src/rules/index.js';
import { loadText, readFixture, ZHUZHOU } from '../support/fixtures.js';

/** Narrative rules that check claims (report-year reads sentences, not claims). */
const CLAIM_RULES = RULES.map((r) => r.meta.id).filter((id) => id.startsWith('narrative-'));

describe('the claim extractor registry', () => {
  it('has one extractor per narrative rule, each in the file named after its rule', () => {
    expect(EXTRACTORS.map((e) => e.rule).sort()).toEqual([...CLAIM_RULES].sort());
    expect(new Set(EXTRACTORS.map((e) => e.kind)).size).toBe(EXTRACTORS.length);
    for (const e of EXTRACTORS) {
      const file = `src/narrative/claims/${e.rule.replace(/^narrative-/, '')}.ts`;
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('reads a new claim kind from one more extractor, without touching the others', () => {
    interface YearClaim extends ClaimBase {
      kind: 'year';
    }
    const years: Extractor<YearClaim> = {
      kind: 'year',
      rule: 'narrative-year',
      extract({ s, nums }, _ctx, emit) {
        if (/20\d{2}年度/.test(s.text) && nums[0]) emit({ kind: 'year', key: claimKey('year', [nums[0]]), sentence: s, uses: [nums[0]] });
      },
    };
    const doc = loadText(readFixture(ZHUZHOU));
    const base = readClaims<Claim>(doc, EXTRACTORS);
    const extended = readClaims<Claim | YearClaim>(doc, [...EXTRACTORS, years]);
    const added = extended.claims.filter((c) => c.kind === 'year');
    expect(added.length).toBeGreaterThan(0);
    expect(extended.claims.filter((c) => c.kind !== 'year').map((c) => c.key)).toEqual(base.claims.map((c) => c.key));
    // Numbers the new kind uses are no longer unbound.
    expect(extended.unbound.length).toBeLessThan(base.unbound.length);
  });
});
