import type { Cell } from './document.js';
import type { Location } from './location.js';
import type { Dec } from './number.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * pass: the identity holds exactly; rounding: it holds within the rounding intervals (尾数误差);
 * fail: it does not hold, or the rule found a defect; skipped: the check could not run.
 */
export type CheckStatus = 'pass' | 'rounding' | 'fail' | 'skipped';

/** Text shown to users in both languages; the engine picks one. */
export interface Localized {
  zh: string;
  en: string;
}
export type MessageParam = string | Localized;

/** How a check compares its two sides; chooses the wording of the outcome. */
export type Relation = 'sum' | 'equal' | 'not-exceed' | 'none';

/** One operand of a check, kept so that `explain` can show every cell that was summed. */
export interface Term {
  role: 'total' | 'item';
  /** Row and column of the cell, for display. */
  label: string;
  sign: 1 | -1;
  /** The cell as read (its amount carries printed text, value, rounding radius and location). */
  cell: Cell;
}

/** What a rule reports for one check. Rules return these; the engine renders and counts them. */
export interface CheckResult {
  /** Stable key of the subject inside the rule (table/row/column); survives moved lines. */
  key: string;
  status: CheckStatus;
  relation: Relation;
  message: { id: string; params: Record<string, MessageParam> };
  /** For `skipped`: why the check could not run. */
  reason?: Localized;
  locations: Location[];
  /** Numbers of the check: exact decimals, or printed text for a value that is not a number. */
  expected?: Dec | string;
  actual?: Dec | string;
  difference?: Dec;
  tolerance?: Dec;
  terms?: Term[];
  /** For checks of the narrative: the sentence as printed and where it stands. */
  sentence?: { text: string; loc: Location };
  /** Overrides the rule's default severity for a failure (e.g. a rule with error and warning cases). */
  severity?: Severity;
  /** The left side is a blank cell: shown as blank, never as 0.00. */
  actualBlank?: true;
}

/** The printed rows a finding rests on, with the cells it names marked: what an auditor quotes. */
export interface Excerpt {
  table: string;
  title: string;
  columns: Array<{ key: string; label: string }>;
  rows: Array<{
    row: string;
    label: string;
    loc: Location;
    /** Printed text per column (null: the row has no such cell; '' an empty cell). */
    cells: Array<string | null>;
    /** Per column: does the finding rest on this cell? */
    marked: boolean[];
  }>;
}

/**
 * Why a finding no longer fails the run: it is recorded in a baseline file (a snapshot of the
 * findings a publisher has already seen) or named by a waiver with a written reason (出错说明).
 */
export interface Acceptance {
  by: 'baseline' | 'waiver';
  /** The baseline or waiver file, as given on the command line. */
  file: string;
  /** Waivers only: why the finding is accepted, who accepted it, and when. */
  reason?: string;
  author?: string;
  date?: string;
  expires?: string;
}

/** A reported problem, note or skipped check, rendered for one language. */
export interface Finding {
  rule: string;
  /** `rule:key`, stable across runs and line moves; used by baselines and `explain`. */
  id: string;
  severity: Severity;
  status: Exclude<CheckStatus, 'pass'>;
  /** The message as shown, in the report's language. */
  message: string;
  /**
   * Key of the rule's message table (`meta.messages`, listed on the rule's docs page; `title`: the
   * rule's title) that the message was rendered from.
   */
  messageId: string;
  /**
   * The values the message template was filled with, each resolved to the report's language. The
   * numbers after the subject (printed, computed, difference, tolerance) are `expected`, `actual`,
   * `difference` and `tolerance`.
   */
  params: Record<string, string>;
  /** For a skipped check: why it could not run, in the report's language. */
  reason?: string;
  locations: Location[];
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  /** The table rows behind the finding, one excerpt per table it touches. */
  excerpts?: Excerpt[];
  /** For findings on the narrative: the sentence as printed and where it stands. */
  sentence?: { text: string; loc: Location };
  /** Set when a baseline or a waiver accepts the finding: it stays in every report but no longer fails the run. */
  accepted?: Acceptance;
}

/** The text of a message parameter in one language. */
export function inLang(value: MessageParam, lang: 'zh' | 'en'): string {
  return typeof value === 'string' ? value : value[lang];
}
