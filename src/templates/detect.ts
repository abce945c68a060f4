import type { DisclosureDocument } from '../model/document.js';
import type { CompiledCatalog, CompiledFamily } from './compiled.js';

/** Why a family was chosen, for the report: tables of the family found, and those it lacks. */
export interface FamilyMatch {
  family: CompiledFamily;
  found: string[];
  missing: string[];
}

/** A line that ends the cover: the table of contents, or the first part or heading of the body. */
const BODY = /^(目录|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/;

/**
 * The cover (the lines before the table of contents or the first part, at most 40) and the tables'
 * titles: where a document says what it is. The body may speak of other kinds of accounts
 * (“下属行政事业单位决算”) without being one.
 */
function coverText(doc: DisclosureDocument): string {
  const head: string[] = [];
  for (const line of doc.narrative.slice(0, 40)) {
    const text = line.text.replace(/\s+/g, '');
    if (BODY.test(text)) break;
    head.push(text);
  }
  // A document that opens on its contents (its cover an image) says what it is there: “第二部分
  // 2019年度部门预算表”.
  if (head.length === 0) for (const line of doc.narrative.slice(0, 12)) head.push(line.text.replace(/\s+/g, ''));
  const titles = Object.values(doc.tables).map((t) => t?.title ?? '');
  return [...head, ...titles].join('\n');
}

/**
 * The family a document belongs to, judged from what it contains: the family holding most of the
 * document's tables, then one whose cover words it shows, then the one missing fewest of its
 * required tables; a family that names cover
 * words (单位决算) or a span of years applies only when the document shows them. Ties go to the
 * family listed first.
 */
export function detectFamily(doc: DisclosureDocument, catalog: CompiledCatalog): FamilyMatch {
  const cover = coverText(doc);
  const year = doc.year?.value;
  let best: { match: FamilyMatch; score: number[] } | undefined;
  for (const family of catalog.families) {
    const detect = family.def.detect;
    if (detect?.maxYear !== undefined && (year === undefined || year > detect.maxYear)) continue;
    if (detect?.minYear !== undefined && (year === undefined || year < detect.minYear)) continue;
    const coverHit = family.cover.length > 0 ? family.cover.some((re) => re.test(cover)) : undefined;
    if (coverHit === false) continue;
    const found = family.def.tables.filter((t) => doc.tables[t.key]).map((t) => t.key);
    const missing = family.def.tables.filter((t) => !t.optional && !doc.tables[t.key]).map((t) => t.key);
    const foreign = Object.keys(doc.tables).filter((k) => !family.def.tables.some((t) => t.key === k)).length;
    // Higher is better, compared in order. Cover words rank before what is missing: a budget's
    // narrative published apart from its tables holds no table, and says 部门预算 on its cover.
    const score = [found.length - foreign, coverHit ? 1 : 0, -missing.length];
    if (!best || better(score, best.score)) best = { match: { family, found, missing }, score };
  }
  if (!best) {
    const family = catalog.families[0];
    if (!family) throw new Error('the catalog has no family');
    return { family, found: [], missing: family.def.tables.map((t) => t.key) };
  }
  return best.match;
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
