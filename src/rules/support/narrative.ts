import type { Cell, DisclosureDocument } from '../../model/document.js';
import type { CheckResult, Localized, MessageParam, Severity } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { formatMoney, ZERO, type Dec } from '../../model/number.js';
import { claimsOf, type Claim, type Side } from '../../narrative/claims/index.js';
import type { Num } from '../../narrative/numbers.js';
import { locAt, type Sentence } from '../../narrative/text.js';
import { template } from '../../templates/tables.js';

/** The claims of one kind in a document. */
export function claimsOfKind<K extends Claim['kind']>(doc: DisclosureDocument, kind: K): Array<Extract<Claim, { kind: K }>> {
  return claimsOf(doc).claims.filter((c): c is Extract<Claim, { kind: K }> => c.kind === kind);
}

/** The sentence as a finding quotes it: its text and its first line. */
export function quote(sentence: Sentence): { text: string; loc: Location } {
  return { text: sentence.text, loc: locAt(sentence, 0) };
}

/** A value with its rounding radius, from the text or from a table cell. */
export interface Value {
  value: Dec;
  half: Dec;
  text: string;
  loc: Location;
}

export const fromNum = (n: Num): Value => ({ value: n.value, half: n.half, text: n.text, loc: n.loc });

const INCOMPLETE = new Set<string>(['row-unrecognised', 'column-unrecognised', 'cells-missing', 'cells-unplaced', 'cells-unknown', 'table-unparsed']);
/** How a table published without data is quoted: every cell of it says nothing was spent. */
const EMPTY_TABLE = '（空表）';
const NO_TABLE = (key: string): Localized => ({ zh: `未找到${key}`, en: `${key} was not found` });
const NO_CELL: Localized = { zh: '表中缺少对应单元格', en: 'the table lacks the cell' };
const NOT_NUMBER: Localized = { zh: '对应单元格不是数字', en: 'the cell is not a number' };
const NOT_PLACED: Localized = { zh: '原文未能确定对应单元格的数值所在栏', en: 'the source does not show which column holds the cell’s value' };

/**
 * The value of one side of a claim. A table row the document does not print holds nothing (zero);
 * an empty cell likewise; a cell the table should have but lacks cannot be compared.
 */
export function valueOf(doc: DisclosureDocument, side: Side): { ok: true; value: Value } | { ok: false; reason: Localized } {
  if (side.source === 'text') return { ok: true, value: fromNum(side.num) };
  const table = doc.tables[side.binding.table];
  if (!table) return { ok: false, reason: NO_TABLE(template(side.binding.table).name.zh) };
  const cell: Cell | undefined = side.cell;
  if (!cell) {
    const rowPrinted = table.rows.some((r) => r.key === side.binding.row);
    // A row the table does not print is zero, unless the reader could not place all of the table.
    const incomplete = doc.issues.some((i) => i.loc.table === table.key && INCOMPLETE.has(i.code));
    if (rowPrinted || incomplete || (table.key === 'three-public' && table.rows.length > 0)) return { ok: false, reason: NO_CELL };
    return { ok: true, value: { value: ZERO, half: ZERO, text: table.empty ? EMPTY_TABLE : '—', loc: table.titleLoc } };
  }
  if (cell.kind === 'invalid') return { ok: false, reason: NOT_NUMBER };
  if (cell.kind === 'unknown') return { ok: false, reason: NOT_PLACED };
  if (cell.kind === 'blank') return { ok: true, value: { value: ZERO, half: ZERO, text: '（空）', loc: cell.loc } };
  return { ok: true, value: { value: cell.amount.value, half: cell.amount.half, text: cell.amount.text, loc: cell.amount.loc } };
}

const RESTATED = new WeakMap<DisclosureDocument, Map<Num, Side & { source: 'table' }>>();

/**
 * The table's value for a printed figure that restates a cell and disagrees with it (beyond both
 * roundings): the figure is then reported once, by narrative-amount, and a rate derived from it
 * is also tried against the table's value, so that one misprint is not two errors.
 */
export function tableReading(doc: DisclosureDocument, num: Num): Value | undefined {
  let restated = RESTATED.get(doc);
  if (!restated) {
    restated = new Map(claimsOfKind(doc, 'amount').flatMap((c) => (c.relation === 'eq' ? [[c.num, c.target] as const] : [])));
    RESTATED.set(doc, restated);
  }
  const target = restated.get(num);
  const table = target && valueOf(doc, target);
  if (!table?.ok) return undefined;
  return table.value.value.minus(num.value).abs().gt(table.value.half.plus(num.half)) ? table.value : undefined;
}

/**
 * The readings of a printed figure a derived rate is checked under: as printed, then the table's
 * value when the figure misstates its cell (see `tableReading`).
 */
export function readings(doc: DisclosureDocument, num: Num): Value[] {
  const table = tableReading(doc, num);
  return table ? [fromNum(num), table] : [fromNum(num)];
}

/** How a side is named in a message: the printed figure, or the table and cell. */
export function sideName(side: Side): MessageParam {
  if (side.source === 'text') return side.num.text;
  const t = template(side.binding.table).name;
  return { zh: `${t.zh}“${side.binding.name}”`, en: `the ${t.en} (${side.binding.name})` };
}

export const money2 = (v: Dec): string => formatMoney(v, Math.max(2, v.decimalPlaces()));

/** A narrative check result: the sentence, the locations it rests on, and a rendered-ready message. */
export function narrativeResult(
  claim: Claim,
  status: CheckResult['status'],
  id: string,
  params: Record<string, MessageParam>,
  locations: Location[],
  extra: Partial<Pick<CheckResult, 'expected' | 'actual' | 'difference' | 'tolerance' | 'reason' | 'severity'>> = {},
): CheckResult {
  return {
    key: claim.key,
    status,
    relation: 'none',
    message: { id, params },
    locations,
    sentence: quote(claim.sentence),
    ...extra,
  };
}

export type { Severity };
