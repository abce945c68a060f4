import type { DisclosureDocument } from '../model/document.js';
import type { Location } from '../model/location.js';
import { parseNumber } from '../model/number.js';
import { threePublicItem } from '../narrative/bind.js';
import { otherDocumentClaims, type OtherDocumentClaim, type StatedFigure } from '../narrative/other-document.js';

/** A figure as the digest keeps it: exact value and half its last printed digit, as strings. */
export interface ClaimFigure {
  value: string;
  half: string;
  /** As printed, without its unit (“2,090.00”, “7.46”). */
  text: string;
}

/**
 * A 比上年 claim of a 说明 about a figure the digest holds: this year's figure (when the sentence
 * states it), the change and the rate with their direction. Last year's figure is this year's less
 * the change: what last year's document must print. Plain data (exact decimals as strings) for
 * the document digest.
 */
export interface ChangeClaim {
  /** The key of its check, unique in the document: `previous/total` (预算), `claim3/general-expense` (决算). */
  key: string;
  /** The digest cell the claim is about, in this document and last year's. */
  item: string;
  /** This year's figure as stated; absent when the sentence gives only the change (then the document's own cell). */
  current?: ClaimFigure;
  change?: ClaimFigure & { sign: 1 | -1 };
  percent?: ClaimFigure & { sign: 1 | -1 };
  sentence: string;
  loc: Location;
}

/** Half of the last printed digit: 0.005 for 12.34, 0.5 for 191. */
function halfOf(text: string): string {
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  return decimals === 0 ? '0.5' : `0.${'0'.repeat(decimals)}5`;
}

/** A stated figure in the unit given (万元, %), as the digest keeps it; undefined in another unit. */
function figureIn(stated: StatedFigure | undefined, unit: '万元' | '%'): ClaimFigure | undefined {
  if (!stated?.text.endsWith(unit)) return undefined;
  const text = stated.text.slice(0, -unit.length);
  const parsed = parseNumber(text);
  if (parsed.kind !== 'number') return undefined;
  return { value: parsed.value.toString(), half: halfOf(text), text };
}

const LAST_YEAR = /上年/;

/** Whether a comparison is with last year: 比上年, 与上年相比, or the year before named (比2023年度 in a 2024 document). */
function withLastYear(c: OtherDocumentClaim, year: number | undefined): boolean {
  if (c.needs !== 'previous-year') return false;
  if (LAST_YEAR.test(c.versus)) return true;
  const named = /(20\d{2})年/.exec(c.versus)?.[1];
  return named !== undefined && year !== undefined && Number(named) === year - 1;
}

/** A stated change or rate with its direction. */
const signed = (figure: ClaimFigure | undefined, rise: boolean | undefined): (ClaimFigure & { sign: 1 | -1 }) | undefined => (figure ? { ...figure, sign: rise ? 1 : -1 } : undefined);

/**
 * The 预算's items, by the words of the claim's subject (first match wins: 一般公共预算财政拨款支出
 * is the 财政拨款). The total, 一般公共预算 and 三公 claims must state this year's figure: in the
 * 财政拨款 section, “与上年相比收、支预算总计各增加…” speaks of the 财政拨款 total, not the whole.
 */
const BUDGET_ITEMS: ReadonlyArray<{ item: string; subject: RegExp; current: boolean }> = [
  { item: 'fiscal', subject: /财政拨款(?:收、?支(?:预算)?总[计额]|收支预算总额|支出)/, current: false },
  { item: 'total', subject: /收入、?支出预算总计|收、?支预算总计|收支预算总[额计]|收支总预算/, current: true },
  { item: 'general', subject: /一般公共预算(?:收入|支出)/, current: true },
  { item: 'three-public', subject: /三公/, current: true },
];

function budgetItem(c: OtherDocumentClaim): string | undefined {
  const found = BUDGET_ITEMS.find((i) => i.subject.test(c.subject));
  if (!found || (found.current && !c.current)) return undefined;
  return found.item;
}

/**
 * The 比上年 claims of a 预算说明 about its total, 财政拨款, 一般公共预算 and 三公: one per item,
 * the first (later sentences repeat it by fund or class). From the narrative's comparisons with
 * another document (otherDocumentClaims), so that one reading serves `zjs claims` and the sets.
 */
export function budgetClaims(doc: DisclosureDocument): ChangeClaim[] {
  const out: ChangeClaim[] = [];
  for (const c of otherDocumentClaims(doc, 'budget')) {
    if (!withLastYear(c, doc.year?.value)) continue;
    const item = budgetItem(c);
    const change = figureIn(c.change, '万元');
    if (!item || !change || out.some((o) => o.item === item)) continue;
    const current = figureIn(c.current, '万元');
    if (c.current && !current) continue;
    out.push({ key: `previous/${item}`, item, ...(current ? { current } : {}), change: { ...change, sign: c.change?.rise ? 1 : -1 }, sentence: c.sentence, loc: c.location });
  }
  // In the order of the items (the checks' order), as before: total, fiscal, general, 三公.
  const order = ['total', 'fiscal', 'general', 'three-public'];
  return out.sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
}

/** The 三公 item a 决算 narrative's subject names (its 决算数, not a 预算数). */
function threePublicCell(subject: string): string | undefined {
  if (/预算数?$/.test(subject) && !/决算/.test(subject)) return undefined;
  const item = threePublicItem(subject);
  return item ? `three-public-${item}` : undefined;
}

/**
 * The 比上年 claims of a 决算说明 about a figure its tables print (收入支出总计, 财政拨款收入支出总计,
 * 一般公共预算财政拨款支出, the 三公 items…): every one, bound by the narrative's reading of its
 * subject; `itemOf` says which digest cell a binding is. Last year's 决算 prints the same cell.
 */
export function finalClaims(doc: DisclosureDocument, itemOf: (binding: NonNullable<OtherDocumentClaim['binding']>) => string | undefined): ChangeClaim[] {
  const out: ChangeClaim[] = [];
  for (const c of otherDocumentClaims(doc, 'final')) {
    if (!withLastYear(c, doc.year?.value)) continue;
    const item = c.binding ? itemOf(c.binding) : threePublicCell(c.subject);
    const change = signed(figureIn(c.change, '万元'), c.change?.rise);
    const percent = signed(figureIn(c.percent, '%'), c.percent?.rise);
    if (!item || (!change && !percent)) continue;
    const current = figureIn(c.current, '万元');
    if (c.current && !current) continue;
    out.push({ key: `claim${out.length + 1}/${item}`, item, ...(current ? { current } : {}), ...(change ? { change } : {}), ...(percent ? { percent } : {}), sentence: c.sentence, loc: c.location });
  }
  return out;
}
