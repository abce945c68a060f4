import type { DisclosureDocument, Row, Table, TableKey } from '../model/document.js';
import { functionClassCode } from '../model/function-classes.js';
import type { ThreePublicItem } from '../templates/three-public.js';
import type { Sentence } from './text.js';

/** A table cell a narrative number is about. */
export interface Binding {
  table: TableKey;
  row: string;
  column: string;
  /** How the narrative named it (for messages). */
  name: string;
}

/** Which table a section of the narrative talks about, from its headings. */
export type Scope = TableKey | 'other';

const SCOPES = new WeakMap<readonly string[], Scope>();

/** Which table a section talks about: the innermost heading that says so (once per list of headings). */
export function scopeOf(sentence: Sentence): Scope {
  let scope = SCOPES.get(sentence.headings);
  if (scope === undefined) {
    scope = scopeOfHeadings(sentence.headings);
    SCOPES.set(sentence.headings, scope);
  }
  return scope;
}

function scopeOfHeadings(headings: readonly string[]): Scope {
  for (const heading of [...headings].reverse()) {
    if (/三公/.test(heading)) return 'three-public';
    if (/政府性基金/.test(heading)) return 'gov-fund';
    if (/国有资本经营/.test(heading)) return 'state-capital';
    if (/基本支出决算/.test(heading)) return 'general-budget-basic';
    if (/一般公共预算财政拨款支出/.test(heading)) return 'general-budget-expense';
    if (/财政拨款收入支出决算总(体|表)/.test(heading)) return 'fiscal-income-expense';
    // The 高校 four-table set: 财政拨款支出决算表 holds every appropriation, not only 一般公共预算.
    if (/财政拨款支出决算表/.test(heading)) return 'fiscal-expense';
    if (/收入支出决算总(体|表)|收支决算总表/.test(heading)) return 'income-expense';
    if (/^[一二三四五六七八九十]+、收入决算|收入决算表/.test(heading)) return 'income';
    if (/^[一二三四五六七八九十]+、支出决算|支出决算表/.test(heading)) return 'expense';
    if (/^[一二三四五六七八九十]+、/.test(heading)) return 'other';
  }
  return 'other';
}

/** A binding to a table cell (the budget wordings in bind-budget.ts make theirs with it too). */
export const b = (table: TableKey, row: string, column: string, name: string): Binding => ({ table, row, column, name });

/** Verbs of being a subject may end with, longest first: the pattern /(为|是|达到?|…)$/ strips the longest. */
const NOUN_ENDS = ['为人民币', '合计为', '总计为', '达到', '共计', '约为', '为', '是', '达', '约'];
/** Words a subject may start with, in the order the pattern tried them (the first that starts it is stripped). */
const NOUN_LEADS = ['其中', '包括', '主要是', '主要包括', '主要用于'];
const NOUN_OWNERS = ['全年', '本年度', '本单位', '本部门', '我单位', '我部门'];
const LINE_END = /[\n\r\u2028\u2029]/;

const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
};

/** Where the first “20dd年” (and a 度 after it) ends, if no line break stands before it (as /^.*?20\d{2}年度?/); -1 if none. */
function pastFirstYear(text: string): number {
  for (let i = text.indexOf('20'); i >= 0; i = text.indexOf('20', i + 1)) {
    if (isDigitAt(text, i + 2) && isDigitAt(text, i + 3) && text.charCodeAt(i + 4) === 0x5e74) {
      if (LINE_END.test(text.slice(0, i))) return -1;
      return text.charCodeAt(i + 5) === 0x5ea6 ? i + 6 : i + 5;
    }
  }
  return -1;
}

const withoutLead = (text: string, leads: readonly string[]): string => {
  for (const w of leads) if (text.startsWith(w)) return text.slice(w.length);
  return text;
};

/**
 * Strips what precedes the noun that names a figure: years, 全年, 本单位, verbs of being. Read
 * by hand from the ends: what /(为|是|达到?|共计|合计为|总计为|约为|约|为人民币)$/, /^(其中|包括|…)/,
 * /^.*?20\d{2}年度?/ and /^(全年|本年度|…)/, replaced in turn, strip.
 */
export function subjectNoun(subject: string): string {
  let noun = subject;
  for (const w of NOUN_ENDS) {
    if (noun.endsWith(w)) {
      noun = noun.slice(0, noun.length - w.length);
      break;
    }
  }
  noun = withoutLead(noun, NOUN_LEADS);
  const year = pastFirstYear(noun);
  if (year >= 0) noun = noun.slice(year);
  return withoutLead(noun, NOUN_OWNERS);
}

const INCOME_SOURCES: Array<[RegExp, string]> = [
  [/上级补助收入$/, 'superior'],
  [/事业收入$/, 'business'],
  [/经营收入$/, 'operation'],
  [/附属单位上缴收入$/, 'affiliated'],
  [/其他收入$/, 'other'],
];

/** Sections about a table of 科目 rows (类/款/项), and that table; other sections speak of 一般公共预算. */
const CODED: ReadonlySet<Scope> = new Set(['expense', 'fiscal-expense', 'general-budget-expense', 'gov-fund', 'state-capital']);

/** The table of 科目 rows a section's 类/款/项 figures are about. */
export function codedTable(scope: Scope): TableKey {
  return CODED.has(scope) ? scope : 'general-budget-expense';
}

/**
 * The class row named “教育(类)支出”, “教育支出(类)” or “一般公共服务支出(类)”; in a section about a
 * table of 科目 rows, also the bare class name “教育支出” (按照支出功能科目划分，教育支出…).
 */
function classBinding(noun: string, scope: Scope): Binding | undefined {
  const m = /^(.+?)(?:\(类\)支出|支出\(类\)|\(类\))$/.exec(noun);
  const bare = !m && CODED.has(scope) && scope !== 'gov-fund' && scope !== 'state-capital' && /支出$/.test(noun) ? noun : undefined;
  const name = m?.[1] ?? bare;
  if (!name) return undefined;
  const code = functionClassCode(name);
  if (!code) return undefined;
  return b(codedTable(scope), code, 'total', noun);
}

/**
 * An item named with its code just before a figure's subject: “4.来华留学教育(2050602)，2023年度决算
 * 数为570.14万元” restates the total of row 2050602 of the section's table, when the table prints
 * that code under that name.
 */
export function bindCodedItem(before: string, doc: DisclosureDocument, scope: Scope): Binding | undefined {
  const m = /([^\d()、.。，,；;：:]{2,40})\((\d{3}|\d{5}|\d{7})\)[，,：:]?$/.exec(before);
  if (!m?.[1] || !m[2]) return undefined;
  const key = codedTable(scope);
  const row = doc.tables[key]?.rows.find((r) => r.code === m[2]);
  if (!row || !findByName([row], m[1])) return undefined;
  return b(key, row.key, 'total', `${row.code ?? row.key} ${row.label}`);
}

/**
 * The table cell that a figure's subject names, given the section it stands in; undefined for
 * figures the tables do not hold (budgets, 机关运行经费, procurement…).
 */
export function bindSubject(subject: string, scope: Scope): Binding | undefined {
  const noun = subjectNoun(subject);
  if (noun === '') return undefined;
  if (/预算数?$/.test(noun) && !/决算/.test(noun)) return undefined;
  if (/财政拨款收、?支总计$|财政拨款收入支出总计$/.test(noun)) return b('fiscal-income-expense', 'income:grand-total', 'amount', noun);
  if (/收、?支总计$|收入支出总计$/.test(noun)) {
    return scope === 'fiscal-income-expense'
      ? b('fiscal-income-expense', 'income:grand-total', 'amount', noun)
      : b('income-expense', 'income:grand-total', 'amount', noun);
  }
  // In the 政府性基金 and 国有资本经营 sections, carry-overs and the year's figures are that table's.
  if (scope === 'gov-fund' || scope === 'state-capital') {
    const fund: Array<[RegExp, string]> = [
      [/年初结转和结余$/, 'opening'],
      [/本年收入$|财政拨款收入$/, 'income'],
      [/本年支出$|财政拨款支出$/, 'total'],
      [/年末结转和结余$/, 'closing'],
    ];
    const hit = fund.find(([re]) => re.test(noun));
    if (hit) return b(scope, 'total', hit[1], noun);
  }
  if (/年初财政拨款结转和结余$/.test(noun)) return b('fiscal-income-expense', 'income:opening', 'amount', noun);
  if (/年末财政拨款结转和结余$/.test(noun)) return b('fiscal-income-expense', 'expense:closing', 'total', noun);
  if (/本年收入合计$/.test(noun)) return b('income-expense', 'income:total-income', 'amount', noun);
  if (/本年支出合计$/.test(noun)) return b('income-expense', 'expense:total-expense', 'amount', noun);
  if (/年初结转和结余$/.test(noun)) return b('income-expense', 'income:opening', 'amount', noun);
  if (/年末结转和结余$/.test(noun)) return b('income-expense', 'expense:closing', 'amount', noun);
  if (/一般公共预算财政拨款基本支出$/.test(noun)) return b('general-budget-expense', 'total', 'basic', noun);
  if (/一般公共预算财政拨款项目支出$/.test(noun)) return b('general-budget-expense', 'total', 'project', noun);
  if (/一般公共预算财政拨款支出(决算数?)?$/.test(noun)) return b('general-budget-expense', 'total', 'total', noun);
  if (/^财政拨款收入$/.test(noun)) return b('income', 'total', 'fiscal', noun);
  for (const [re, column] of INCOME_SOURCES) if (re.test(noun) && noun.length <= 10) return b('income', 'total', column, noun);
  if (/^人员经费(合计)?$/.test(noun)) return b('general-budget-basic', 'personnel-total', 'amount', noun);
  if (/^公用经费(合计)?$/.test(noun)) return b('general-budget-basic', 'public-total', 'amount', noun);
  if (/^基本支出$/.test(noun)) {
    return scope === 'general-budget-expense' || scope === 'general-budget-basic'
      ? b('general-budget-expense', 'total', 'basic', noun)
      : scope === 'expense' || scope === 'fiscal-expense'
        ? b(scope, 'total', 'basic', noun)
        : undefined;
  }
  if (/^项目支出$/.test(noun)) {
    return scope === 'general-budget-expense' || scope === 'expense' || scope === 'fiscal-expense' ? b(scope, 'total', 'project', noun) : undefined;
  }
  if (scope === 'fiscal-expense' && /^财政拨款支出(合计|总计)?$/.test(noun)) return b('fiscal-expense', 'total', 'total', noun);
  if (/政府性基金预算财政拨款收入$/.test(noun)) return b('gov-fund', 'total', 'income', noun);
  if (/政府性基金预算财政拨款支出$/.test(noun)) return b('gov-fund', 'total', 'total', noun);
  if (/国有资本经营预算财政拨款支出$/.test(noun)) return b('state-capital', 'total', 'total', noun);
  return classBinding(noun, scope);
}

export type { ThreePublicItem };

/** How narratives name each 三公 item, longest form first. */
export const THREE_PUBLIC_MENTIONS: ReadonlyArray<readonly [string, ThreePublicItem]> = [
  ['公务用车购置及运行维护费', 'vehicle'],
  ['公务用车购置费及运行维护费', 'vehicle'],
  ['公务用车购置和运行维护费', 'vehicle'],
  ['公务用车购置及运行费', 'vehicle'],
  ['公务用车购置及运行', 'vehicle'],
  ['公务用车购置费及运行', 'vehicle'],
  ['公务用车运行维护费', 'operation'],
  ['公务用车运行维护', 'operation'],
  ['公务用车运行费', 'operation'],
  ['公务用车运行', 'operation'],
  ['公务用车购置费', 'purchase'],
  ['公务用车购置', 'purchase'],
  ['因公出国(境)费用', 'abroad'],
  ['因公出国(境)费', 'abroad'],
  ['因公出国(境)', 'abroad'],
  ['因公出国费', 'abroad'],
  ['因公出国', 'abroad'],
  ['公务接待费', 'reception'],
  ['公务接待', 'reception'],
  ['“三公”经费', 'total'],
  ['"三公"经费', 'total'],
  ['三公经费', 'total'],
  ['“三公”', 'total'],
  ['三公', 'total'],
];

/** The 三公 item a phrase names, most specific first. */
export function threePublicItem(text: string): ThreePublicItem | undefined {
  if (/公务用车购置(费)?及运行(维护)?费?/.test(text)) return 'vehicle';
  if (/公务用车运行(维护)?费?/.test(text)) return 'operation';
  if (/公务用车购置费?/.test(text)) return 'purchase';
  if (/因公出国/.test(text)) return 'abroad';
  if (/公务接待/.test(text)) return 'reception';
  if (/三公/.test(text)) return 'total';
  return undefined;
}

function compactName(name: string): string {
  return name.replace(/\s+/g, '').replace(/[()（）]/g, '');
}

/** Names equal once a trailing 支出 and 和/及 are set aside: the usual liberties of narratives. */
export function sameName(printed: string, official: string): boolean {
  const n = (s: string) => compactName(s).replace(/及/g, '和').replace(/支出$/, '');
  return n(printed) === n(official);
}

/** Edit distance, for telling a misspelt 科目 name from a different one. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let last = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j] ?? 0;
      prev[j] = Math.min((prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + 1, last + (a[i - 1] === b[j - 1] ? 0 : 1));
      last = keep;
    }
  }
  return prev[b.length] ?? 0;
}

export interface ItemBinding {
  table: TableKey;
  /** The row the heading names (class, section or item), when found. */
  row?: Row;
  /** Each level as printed in the heading and the row found for it. */
  levels: Array<{ printed: string; row: Row | undefined }>;
}

/** Child rows of a code (class 3 → 5 digits, section 5 → 7). */
function childrenOf(table: Table, code: string | undefined): Row[] {
  return table.rows.filter((r) => r.code && (code === undefined ? r.code.length === 3 : r.code.length === code.length + 2 && r.code.startsWith(code)));
}

function findByName(rows: Row[], printed: string): Row | undefined {
  const exact = rows.find((r) => sameName(printed, r.label));
  if (exact) return exact;
  // A misspelt or shortened name still binds when it is clearly the same row: one close candidate.
  const close = rows.filter((r) => {
    const a = compactName(printed).replace(/支出$/, '');
    const b = compactName(r.label).replace(/支出$/, '');
    const bound = Math.max(1, Math.floor(compactName(r.label).length / 6));
    // Names further apart in length than the bound are further apart in spelling too.
    return Math.abs(a.length - b.length) <= bound && distance(a, b) <= bound;
  });
  if (close.length === 1) return close[0];
  // A table name cut at the column edge, or a printed name with something after it: the table's
  // name (long enough to be one) begins the printed one.
  const begun = rows.filter((r) => compactName(r.label).length >= 6 && compactName(printed).startsWith(compactName(r.label)));
  return begun.length === 1 ? begun[0] : undefined;
}

/** Characters that end a level's name in a heading: brackets, list marks, digits. */
const NAME_BREAK = /[()、.。\d]/;

/** Where a bracket opened at `open` closes, if it holds a few name characters (室, 护, 境); else undefined. */
function nameBracketEnd(heading: string, open: number): number | undefined {
  for (let j = open + 1; j < heading.length && j <= open + 5; j++) {
    const ch = heading[j] ?? '';
    if (ch === ')') return j > open + 1 ? j : undefined;
    if (NAME_BREAK.test(ch)) return undefined;
  }
  return undefined;
}

/**
 * The levels of a heading, in one pass: each name is the run of name characters before its (类),
 * (款) or (项), after the previous level; a short bracket inside a name (办公厅(室)) is kept in it.
 */
function itemParts(heading: string): Array<{ name: string; level: string }> {
  const parts: Array<{ name: string; level: string }> = [];
  let runStart = 0;
  let after = 0;
  for (let i = 0; i < heading.length; i++) {
    if (NAME_BREAK.test(heading[i] ?? '')) {
      const level = heading[i] === '(' && heading[i + 2] === ')' ? heading[i + 1] : undefined;
      const from = Math.max(runStart, after);
      // A short bracket after name characters belongs to the name: 政府办公厅(室)及相关机构事务, 维修(护)费.
      const inName = heading[i] === '(' ? nameBracketEnd(heading, i) : undefined;
      if (inName !== undefined && level !== '类' && level !== '款' && level !== '项' && from < i) {
        i = inName;
        continue;
      }
      if ((level === '类' || level === '款' || level === '项') && from < i) {
        parts.push({ name: heading.slice(from, i).trim(), level });
        after = i + 3;
      }
      runStart = i + 1;
    }
  }
  return parts;
}

/**
 * A 类/款/项 heading such as “社会保障和就业支出(类)人力资源和社会保障管理事务(款)行政运行(项)”,
 * resolved level by level to the rows of the table the section is about.
 */
export function bindItemHeading(heading: string, doc: DisclosureDocument, scope: Scope): ItemBinding | undefined {
  const parts = itemParts(heading);
  if (parts.length === 0 || parts[0]?.level !== '类') return undefined;
  const key = codedTable(scope);
  const table = doc.tables[key];
  if (!table) return undefined;
  const levels: ItemBinding['levels'] = [];
  let parent: string | undefined;
  let row: Row | undefined;
  for (const part of parts) {
    let candidates: Row[];
    if (part.level === '类') {
      const code = functionClassCode(part.name);
      candidates = table.rows.filter((r) => r.code?.length === 3 && (r.code === code || sameName(part.name, r.label)));
    } else {
      candidates = parent === undefined ? [] : childrenOf(table, parent);
    }
    const found = part.level === '类' ? candidates[0] : findByName(candidates, part.name);
    levels.push({ printed: part.name, row: found });
    if (!found) return { table: key, levels };
    parent = found.code;
    row = found;
  }
  return row ? { table: key, row, levels } : { table: key, levels };
}
