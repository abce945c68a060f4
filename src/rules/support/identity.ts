import type { CheckResult, Localized, MessageParam } from '../../model/finding.js';
import type { Location } from '../../model/location.js';

/** A rule's message: its id in the rule's message table and the values for its placeholders. */
export interface MessageRef {
  id: string;
  params: Record<string, MessageParam>;
}

/** A check that could not run because a table or cell it needs is not there. */
export function skipped(key: string, message: MessageRef, reason: Localized, locations: Location[] = []): CheckResult {
  return { key, status: 'skipped', relation: 'none', message, reason, locations };
}

/** A finding that is not an arithmetic check (missing table, unreadable cell, wording). */
export function defect(key: string, message: MessageRef, locations: Location[], extra: Partial<Pick<CheckResult, 'severity' | 'expected' | 'actual'>> = {}): CheckResult {
  return { key, status: 'fail', relation: 'none', message, locations, ...extra };
}
