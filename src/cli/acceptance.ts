import * as z from 'zod/mini';
import type { AcceptanceNotice, Baseline, BaselineDocument, BaselineEntry, Waiver, WaiverSet } from '../engine/accept.js';
import type { Lang } from '../engine/messages.js';
import { TABLE_KEYS } from '../model/document.js';
import { RULES } from '../rules/index.js';
import { SET_RULES } from '../sets/rules/index.js';
import { TOOL_NAME } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';
import { realPathOf } from './destinations.js';
import { readJsonFile, type JsonRead } from './json-file.js';
import { words } from './words.js';

export type { FileProblem } from './json-file.js';

const ruleIds = new Set([...RULES.map((r) => r.meta.id), ...SET_RULES.map((r) => r.id)]);

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`) }).check(z.trim(), z.minLength(1, { error: `${what} must not be empty` }));

const date = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

const ruleId = z.string().check(z.refine((id) => ruleIds.has(id), { error: 'unknown rule id (see `zjs rules`)' }));

/**
 * One waiver (schema/waivers.schema.json): a rule, where (a finding id, or a table with an
 * optional row and column, optionally one document), and the written reason with its author.
 */
export const WaiverSchema = z
  .strictObject({
    rule: ruleId,
    id: z.optional(z.string().check(z.minLength(1))),
    table: z.optional(z.enum(TABLE_KEYS, { error: `table must be one of ${TABLE_KEYS.join(', ')}` })),
    row: z.optional(z.string().check(z.minLength(1))),
    column: z.optional(z.string().check(z.minLength(1))),
    document: z.optional(z.string().check(z.minLength(1))),
    reason: text('reason'),
    author: text('author'),
    date: z.optional(date),
    expires: z.optional(date),
  })
  .check(
    z.refine((w) => w.id !== undefined || w.table !== undefined, { error: 'a waiver names a finding `id` or a `table` (with optional `row` and `column`)' }),
    z.refine((w) => w.id === undefined || w.id.startsWith(`${w.rule}:`), { error: 'the finding `id` must be one of the rule, `rule:key`' }),
    z.refine((w) => w.table !== undefined || (w.row === undefined && w.column === undefined), { error: '`row` and `column` need a `table`' }),
  );

export const WaiverFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  waivers: z.array(WaiverSchema),
});

const BaselineEntrySchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  rule: z.string().check(z.minLength(1)),
  severity: z.optional(z.enum(['error', 'warning', 'info'])),
  expected: z.optional(z.string()),
  actual: z.optional(z.string()),
  message: z.optional(z.string()),
});

/** The baseline file (schema/baseline.schema.json), as `--write-baseline` writes it. */
export const BaselineFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  tool: z.literal(TOOL_NAME),
  baseline: z.literal(1),
  documents: z.array(
    z.strictObject({
      document: z.string().check(z.minLength(1)),
      source: z.optional(z.string()),
      findings: z.array(BaselineEntrySchema),
    }),
  ),
});

/** Reads and validates a waiver file. */
export async function readWaivers(file: string): Promise<JsonRead<WaiverSet>> {
  const read = await readJsonFile(file, WaiverFileSchema);
  if (!read.ok) return read;
  const waivers = read.value.waivers.map((w, i): Waiver => {
    const waiver: Waiver = { index: i + 1, rule: w.rule, reason: w.reason, author: w.author };
    if (w.id !== undefined) waiver.id = w.id;
    if (w.table !== undefined) waiver.table = w.table;
    if (w.row !== undefined) waiver.row = w.row;
    if (w.column !== undefined) waiver.column = w.column;
    if (w.document !== undefined) waiver.document = w.document;
    if (w.date !== undefined) waiver.date = w.date;
    if (w.expires !== undefined) waiver.expires = w.expires;
    return waiver;
  });
  return { ok: true, value: { file, waivers } };
}

/** Reads and validates a baseline file. */
export async function readBaseline(file: string): Promise<JsonRead<Baseline>> {
  const read = await readJsonFile(file, BaselineFileSchema);
  if (!read.ok) return read;
  const documents = read.value.documents.map((d): BaselineDocument => ({
    document: d.document,
    ...(d.source !== undefined ? { source: d.source } : {}),
    findings: d.findings.map((f): BaselineEntry => {
      const entry: BaselineEntry = { id: f.id, rule: f.rule };
      if (f.severity !== undefined) entry.severity = f.severity;
      if (f.expected !== undefined) entry.expected = f.expected;
      if (f.actual !== undefined) entry.actual = f.actual;
      if (f.message !== undefined) entry.message = f.message;
      return entry;
    }),
  }));
  return { ok: true, value: { file, documents } };
}

/** The baseline file's text: stable key order, two-space indent, no date, so an unchanged baseline rewrites to the same bytes. */
export function baselineText(documents: readonly BaselineDocument[]): string {
  return `${JSON.stringify({ tool: TOOL_NAME, baseline: 1, documents }, null, 2)}\n`;
}

export async function writeBaseline(file: string, documents: readonly BaselineDocument[]): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    await writeFileAtomic(await realPathOf(file), baselineText(documents));
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'error' };
  }
}

/** A waiver as a notice names it: its finding id, or rule and place. */
function waiverName(w: Waiver): string {
  const place = w.id ?? `${w.rule} ${[w.table, w.row, w.column].filter((x) => x !== undefined).join('/')}`;
  return w.document !== undefined ? `${place} @ ${w.document}` : place;
}

/** The one line a notice prints on standard error. */
export function noticeLine(notice: AcceptanceNotice, lang: Lang): string {
  const w = words(lang);
  const head = `zjs: ${w.notice}: ${notice.file}: `;
  switch (notice.kind) {
    case 'waiver-unused':
      return head + w.waiverUnused(notice.waiver.index, waiverName(notice.waiver));
    case 'waiver-expired':
      return head + w.waiverExpired(notice.waiver.index, waiverName(notice.waiver), notice.waiver.expires ?? '');
    case 'baseline-changed':
      return head + w.baselineChanged(notice.document, notice.ids);
    case 'baseline-gone':
      return head + w.baselineGone(notice.document, notice.ids);
    default: {
      const never: never = notice;
      return never;
    }
  }
}
