import type { Cell, DisclosureDocument, Row, TableKey } from '../model/document.js';
import type { Location } from '../model/location.js';
import { bindItemHeading, bindSubject, sameName, scopeOf, subjectNoun, threePublicItem, type Binding, type ItemBinding, type Scope } from './bind.js';
import { isThreshold, numbersOf, type Num } from './numbers.js';
import { threePublicColumnName } from '../templates/three-public.js';
import { locAt, sentences, type Sentence } from './text.js';

/** One side of a claim: a number printed in the text, or the table cell the text is about. */
export type Side = { source: 'text'; num: Num } | { source: 'table'; binding: Binding; cell: Cell | undefined; present: boolean };

interface Base {
  /** Stable key: claim kind, sentence and the figures it uses. */
  key: string;
  sentence: Sentence;
  /** The printed numbers the claim uses, for coverage. */
  uses: Num[];
}

/** A figure that restates a table cell. `relation` le/ge: the text figure bounds the cell. */
export interface AmountClaim extends Base {
  kind: 'amount';
  num: Num;
  target: Side & { source: 'table' };
  relation: 'eq' | 'ge' | 'le';
}

/** 占X%: part / whole. */
export interface ShareClaim extends Base {
  kind: 'share';
  part: Side;
  whole: Side;
  percent: Num;
}

/** 年初预算为A，支出决算为B，完成年初预算的C%. */
export interface CompletionClaim extends Base {
  kind: 'completion';
  budget: Num;
  actual: Num;
  percent: Num;
}

/** 决算数大于/小于/等于/持平 年初预算数. */
export interface DirectionClaim extends Base {
  kind: 'direction';
  word: 'gt' | 'lt' | 'eq' | 'flat';
  printed: string;
  budget: Num;
  actual: Num;
}

/** 与上年相比，增加/减少A万元，增长/下降B%. */
export interface ChangeClaim extends Base {
  kind: 'change';
  current: Num;
  change: Num;
  rise: boolean;
  percent?: Num;
  /** The word before the percentage contradicts the word before the amount (增加…下降). */
  contradictory: boolean;
  /** Against the previous year or against the budget. */
  versus: 'year' | 'budget';
  /** Described as 基本持平 / 持平: the change must be small against its base. */
  flat: boolean;
}

/** 总额X，其中a、b、c. `exhaustive`: the parts are all of it (基本+项目; 货物+工程+服务). */
export interface CompositionClaim extends Base {
  kind: 'composition';
  total: Side;
  parts: Num[];
  exhaustive: boolean;
}

/** 绩效 items: 金额A，调减B，实际支出C，结余结转D: A − B = C + D. */
export interface ArithmeticClaim extends Base {
  kind: 'arithmetic';
  amount: Num;
  adjust?: Num;
  rise: boolean;
  spent: Num;
  balance?: Num;
}

/**
 * 决算数大于/小于预算数的主要原因是：…A万元、B万元: the amounts given as the reason, against the
 * change they explain (B − A of the item). `partial`: the list ends with 等.
 */
export interface ExplanationClaim extends Base {
  kind: 'explanation';
  budget: Num;
  actual: Num;
  parts: Num[];
  partial: boolean;
}

/** 受理N件…结案M件，结案率R%. */
export interface RateClaim extends Base {
  kind: 'rate';
  base: Num;
  done: Num;
  percent: Num;
}

/** 三公 figures and their details: spending on an item goes with groups/vehicles, and none without. */
export interface PresenceClaim extends Base {
  kind: 'presence';
  amount: Side;
  count: Num;
  item: string;
}

/** A 类/款/项 heading whose name differs from the table's name for the same code. */
export interface NameClaim extends Base {
  kind: 'name';
  printed: string;
  row: Row;
  table: TableKey;
  loc: Location;
}

export type Claim =
  | AmountClaim
  | ShareClaim
  | CompletionClaim
  | DirectionClaim
  | ChangeClaim
  | CompositionClaim
  | ArithmeticClaim
  | ExplanationClaim
  | RateClaim
  | PresenceClaim
  | NameClaim;

/** What the narrative says, and which of its numbers no claim accounts for. */
export interface NarrativeClaims {
  claims: Claim[];
  /** Numbers of the 情况说明 and 绩效 text used by no claim. */
  unbound: Array<{ num: Num; sentence: Sentence }>;
  /** All numbers considered (money, percentages, counts), thresholds excluded. */
  numbers: Array<{ num: Num; sentence: Sentence }>;
  sentences: Sentence[];
}

const CLAUSE = /[，,；;：:、()]/;

/** The words between the previous clause mark and a number: what the number is said to be. */
function subjectBefore(s: Sentence, n: Num, from = 0): string {
  let i = n.start;
  while (i > from) {
    const ch = s.text[i - 1] ?? '';
    // “收、支总计” is one word: its 、 does not end the subject.
    if (ch === '、' && s.text[i - 2] === '收' && s.text[i] === '支') {
      i--;
      continue;
    }
    if (CLAUSE.test(ch)) break;
    i--;
  }
  return s.text.slice(i, n.start);
}

/** How deep in parentheses the character at `at` stands. */
function parenDepth(s: Sentence, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (s.text[i] === '(') depth++;
    else if (s.text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

const inParens = (s: Sentence, at: number): boolean => parenDepth(s, at) > 0;

function cellOf(doc: DisclosureDocument, binding: Binding): Side & { source: 'table' } {
  const row = doc.tables[binding.table]?.rows.find((r) => r.key === binding.row);
  return { source: 'table', binding, cell: row?.cells[binding.column], present: doc.tables[binding.table] !== undefined };
}

/**
 * A claim's key names what it says, not where: its kind and its printed figures (and, for an
 * amount, the cell it restates). Inserting text elsewhere leaves it unchanged, so baselines and
 * waivers keep matching; the engine numbers any repeat (#2, #3…).
 */
const key = (kind: string, nums: readonly Num[], target?: Binding) =>
  `${kind}/${target ? `${target.table}:${target.row}:${target.column}/` : ''}${nums.map((n) => n.text).join('|')}`;

interface Context {
  doc: DisclosureDocument;
  /** The item (类/款/项 heading) the current paragraph explains, and its budget and actual figures. */
  item?: { heading: string; binding: ItemBinding | undefined; budget?: Num | undefined; actual?: Num | undefined } | undefined;
  /** First figure of the current section: the implicit whole of 占X% shares. */
  lead?: { heading: string; num: Num; sentence: Sentence } | undefined;
  /** Figures stated so far in the current section, by what the text calls them. */
  stated: Array<{ subject: string; num: Num }>;
  /** The last heading sentence read: where a 类/款/项 heading stands. */
  headingSentence?: Sentence | undefined;
  claims: Claim[];
}

function itemHeadingOf(s: Sentence): string | undefined {
  const last = s.headings[s.headings.length - 1];
  return last && /\((类|款|项)\)/.test(last) ? last : undefined;
}

/** Figures restating table cells: subjects bound by name, 支出决算 bound by the 类/款/项 heading, 三公 items. */
function amounts(s: Sentence, nums: Num[], scope: Scope, ctx: Context): void {
  let threeItem: ReturnType<typeof threePublicItem>;
  for (const n of nums) {
    if (n.kind !== 'money' || isThreshold(s, n)) continue;
    const subject = subjectBefore(s, n);
    const before = s.text.slice(0, n.start);
    const named = bindSubject(subject, scope);
    if (named && !(scope === 'three-public' && /决算|预算/.test(subject) && !/三公|因公出国|公务用车|公务接待/.test(subject))) {
      ctx.claims.push({ kind: 'amount', key: key('amount', [n], named), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, named), relation: 'eq' });
      continue;
    }
    // A class (or 款/项) named in a list: “教育(类)支出620万元，占6.7%” restates that row's total.
    const clause = /[^，,；;：:、]*$/.exec(before)?.[0] ?? '';
    const listed = /\((类|款|项)\)(支出)?$/.test(clause) && (scope === 'general-budget-expense' || scope === 'expense') ? bindItemHeading(clause, ctx.doc, scope) : undefined;
    if (listed?.row) {
      const row = listed.row;
      const binding: Binding = { table: listed.table, row: row.key, column: 'total', name: `${row.code ?? row.key} ${row.label}` };
      ctx.claims.push({ kind: 'amount', key: key('amount', [n], binding), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, binding), relation: 'eq' });
      continue;
    }
    const item = threePublicItem(subject) ?? (scope === 'three-public' || /三公/.test(before) ? threePublicItem(before.slice(before.lastIndexOf('。') + 1)) : undefined);
    // Changes and explanation amounts are not restatements of a cell.
    if (/变动|增加|减少|增长|下降|扣减|调减|调增|追加|结转|结余|相比/.test(subject)) continue;
    if (!threePublicItem(subject) && /补贴|补助|经费|资金/.test(subject) && !/(支出|决算)(数)?(为)?$/.test(subject)) continue;
    if ((scope === 'three-public' || /三公|因公出国|公务用车|公务接待/.test(subject)) && (item ?? threeItem)) {
      threeItem = item ?? threeItem;
      const kind = /预算/.test(subject) ? 'budget' : /决算/.test(subject) || scope === 'three-public' ? 'actual' : undefined;
      if (!kind || !threeItem) continue;
      if (/团组|人次|车辆/.test(subject)) continue;
      const column = `${kind}-${threeItem}`;
      const binding: Binding = { table: 'three-public', row: 'three-public', column, name: threePublicColumnName(column).zh };
      ctx.claims.push({ kind: 'amount', key: key('amount', [n], binding), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, binding), relation: 'eq' });
      continue;
    }
    const heading = itemHeadingOf(s);
    if (heading && /^(支出)?决算(数)?(为)?$/.test(subject.replace(/^.*?(支出决算|决算)/, '$1'))) {
      const bound = ctx.item?.binding;
      if (bound && (bound.row || bound.levels.every((l) => l.row || l === bound.levels[bound.levels.length - 1]))) {
        const row = bound.row && bound.levels.every((l) => l.row) ? bound.row : undefined;
        const last = bound.levels[bound.levels.length - 1]?.printed ?? heading;
        const name = row ? `${row.code ?? row.key} ${row.label}` : last;
        const binding: Binding = { table: bound.table, row: row?.key ?? `absent:${heading}`, column: 'total', name };
        ctx.claims.push({ kind: 'amount', key: key('amount', [n], binding), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, binding), relation: 'eq' });
      }
      continue;
    }
    // 会议费/培训费 spent include the basic-expenditure lines 30215/30216 (basic spending is part of all).
    const fee = /^(会议费|培训费)/.exec(s.text)?.[1];
    if (fee && /^(支出)?决算(数)?(为)?$/.test(subject)) {
      const row = fee === '会议费' ? '30215' : '30216';
      const bound: Binding = { table: 'general-budget-basic', row, column: 'amount', name: `${row} ${fee}` };
      ctx.claims.push({ kind: 'amount', key: key('amount', [n], bound), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, bound), relation: 'ge' });
      continue;
    }
    // 机关运行经费 is part of 公用经费.
    if (/机关运行经费(支出)?$/.test(subject)) {
      const bound: Binding = { table: 'general-budget-basic', row: 'public-total', column: 'amount', name: '公用经费合计' };
      ctx.claims.push({ kind: 'amount', key: key('amount', [n], bound), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, bound), relation: 'le' });
    }
  }
}

/** Explicit wholes after 占: “占本年支出合计的”, “占基本支出的”, “占政府采购支出总额的”. */
function wholeNamed(s: Sentence, named: string, nums: Num[], part: Num, scope: Scope, ctx: Context): Side | undefined {
  const noun = named.replace(/的$/, '');
  if (noun === '') return undefined;
  // A figure stated earlier in the sentence under that name.
  const stated = nums.find((n) => n.kind === 'money' && n !== part && n.start < part.start && subjectBefore(s, n).endsWith(noun.replace(/总额$/, '')));
  if (stated) return { source: 'text', num: stated };
  const core = noun.replace(/总额$/, '').replace(/支出$/, '');
  const statedTotal = nums.find((n) => n.kind === 'money' && n !== part && subjectBefore(s, n).includes(core));
  if (statedTotal) return { source: 'text', num: statedTotal };
  // Stated in an earlier sentence of the same section.
  const earlier =
    [...ctx.stated].reverse().find((x) => x.subject.endsWith(noun)) ??
    [...ctx.stated].reverse().find((x) => x.subject.includes(core) && /总额|总计|合计/.test(x.subject));
  if (earlier) return { source: 'text', num: earlier.num };
  if (/一般公共预算项目支出总额|一般公共预算财政拨款项目支出/.test(noun)) return cellOf(ctx.doc, { table: 'general-budget-expense', row: 'total', column: 'project', name: noun });
  const binding = bindSubject(noun, scope);
  return binding ? cellOf(ctx.doc, binding) : undefined;
}

/** 占X%: the part is the figure just before 占; the whole is named after it or leads the sentence. */
function shares(s: Sentence, nums: Num[], scope: Scope, ctx: Context): void {
  for (const p of nums) {
    if (p.kind !== 'percent') continue;
    const zhan = s.text.lastIndexOf('占', p.start);
    if (zhan < 0 || p.start - zhan > 16) continue;
    const named = s.text.slice(zhan + 1, p.start);
    if (/[，,；;。]/.test(named)) continue;
    const part = [...nums].reverse().find((n) => n.kind === 'money' && n.end <= zhan);
    if (!part) continue;
    let whole = wholeNamed(s, named, nums, part, scope, ctx);
    if (!whole && named.replace(/的$/, '') !== '') continue;
    if (!whole) {
      // The figure just before the 其中 that opens the list: a stray figure earlier in the sentence is not the whole.
      const lead = [...nums].reverse().find((n) => n.kind === 'money' && n.start < part.start && /其中|主要用于|：|:/.test(s.text.slice(n.end, part.start)));
      if (lead) whole = { source: 'text', num: lead };
      else if (scope === 'three-public' || /三公/.test(s.text.slice(0, part.start))) {
        whole = cellOf(ctx.doc, { table: 'three-public', row: 'three-public', column: 'actual-total', name: '“三公”经费决算数' });
      } else if (ctx.lead && ctx.lead.heading === s.headings[s.headings.length - 1]) {
        whole = { source: 'text', num: ctx.lead.num };
      }
    }
    if (!whole) continue;
    const uses = whole.source === 'text' ? [part, whole.num, p] : [part, p];
    ctx.claims.push({ kind: 'share', key: key('share', [part, p]), sentence: s, uses, part: { source: 'text', num: part }, whole, percent: p });
  }
}

function lastMoney(nums: Num[], before: number, test: (subject: string) => boolean, s: Sentence): Num | undefined {
  return [...nums].reverse().find((n) => n.kind === 'money' && n.start < before && test(subjectBefore(s, n)));
}

const BUDGET = (subject: string) => /预算(数)?(为)?$/.test(subject) && !/决算/.test(subject);
const ACTUAL = (subject: string) => /决算(数)?(为)?$|支出(为)?$/.test(subject) && !/预算(数)?(为)?$/.test(subject);

/** 完成(年初)预算的C%, with the budget and actual figures of the same sentence or item. */
function completions(s: Sentence, nums: Num[], ctx: Context): void {
  let from = 0;
  for (const p of nums) {
    if (p.kind !== 'percent') continue;
    const head = s.text.slice(Math.max(0, p.start - 12), p.start);
    if (!/完成(年初)?预算(数)?(的)?$/.test(head)) continue;
    // Each rate goes with the figures stated since the previous rate of the sentence.
    const since = nums.filter((n) => n.start >= from);
    from = p.end;
    const first = since === nums;
    const budget = lastMoney(since, p.start, BUDGET, s) ?? (first ? ctx.item?.budget : undefined);
    const actual = lastMoney(since, p.start, ACTUAL, s) ?? (first ? ctx.item?.actual : undefined);
    if (!budget || !actual) continue;
    ctx.claims.push({ kind: 'completion', key: key('completion', [p]), sentence: s, uses: [budget, actual, p], budget, actual, percent: p });
  }
}

const DIRECTION = /决算数?(大于|小于|等于|高于|低于|超过)(年初)?预算数?|决算数?与(年初)?预算数?(基本)?(持平|相等|一致)|(基本持平)/;

/** 决算数大于/小于/等于/持平 预算数, against the figures of the item. */
function directions(s: Sentence, nums: Num[], ctx: Context): void {
  const m = DIRECTION.exec(s.text);
  if (!m) return;
  const word = m[1] ?? m[4] ?? m[5] ?? '';
  const budget = lastMoney(nums, m.index, BUDGET, s) ?? ctx.item?.budget;
  const actual = lastMoney(nums, m.index, ACTUAL, s) ?? ctx.item?.actual;
  if (!budget || !actual) return;
  // “比年初预算数增加1.21万元，基本持平” compares a change, not the item: left to the change claim.
  if (/比(年初)?预算数?(增加|减少)/.test(s.text.slice(0, m.index))) return;
  const kind = /大于|高于|超过/.test(word) ? 'gt' : /小于|低于/.test(word) ? 'lt' : /等于|相等|一致/.test(word) ? 'eq' : 'flat';
  ctx.claims.push({ kind: 'direction', key: key('direction', [budget, actual]), sentence: s, uses: [budget, actual], word: kind, printed: m[0], budget, actual });
}

const COMPARED = /与上年(度)?相比|比上年(决算数?)?|较上年|同比|与20\d{2}年度?相比|比20\d{2}年度?|比(年初)?预算数?/g;

/** 与上年相比，增加/减少A万元，增长/下降B%: B recomputes from the base current ∓ A. */
function changes(s: Sentence, nums: Num[], ctx: Context): void {
  for (const marker of s.text.matchAll(COMPARED)) {
    const at = marker.index ?? 0;
    const change = nums.find((n) => n.kind === 'money' && n.start > at && n.start - at < 30);
    if (!change) continue;
    const word = /(增加|减少|增长|下降)/.exec(s.text.slice(at, change.start))?.[1];
    if (!word || /[。；;]/.test(s.text.slice(at, change.start))) continue;
    const rise = /增加|增长/.test(word);
    const percent = nums.find((n) => n.kind === 'percent' && n.start > change.end && n.start - change.end < 10);
    const pctWord = percent ? /(增加|减少|增长|下降)/.exec(s.text.slice(change.end, percent.start))?.[1] : undefined;
    const contradictory = pctWord !== undefined && /增加|增长/.test(pctWord) !== rise;
    const flat = /^[，,]?(基本)?持平/.test(s.text.slice(change.end, change.end + 6));
    const versus = /预算/.test(marker[0]) ? 'budget' : 'year';
    if (!percent && !flat) continue;
    // The current figure: the last figure before the comparison that is not a budget or a change.
    const claimedChanges = new Set(ctx.claims.filter((c) => c.kind === 'change' && c.sentence === s).map((c) => (c as ChangeClaim).change));
    const current = [...nums]
      .reverse()
      .find((n) => n.kind === 'money' && n.end <= at && !inParens(s, n.start) && !claimedChanges.has(n) && !BUDGET(subjectBefore(s, n)) && !/增加|减少/.test(subjectBefore(s, n)));
    // “与2023年度相比，收入支出总计减少56.95万元”: the figure was stated in an earlier sentence.
    const noun = subjectNoun(s.text.slice(at + marker[0].length, change.start).replace(/^[，,]/, '').replace(/(增加|减少|增长|下降)$/, ''));
    const earlier = current ?? (noun.length >= 2 ? [...ctx.stated].reverse().find((x) => x.subject.endsWith(noun))?.num : undefined);
    if (!earlier) continue;
    ctx.claims.push({
      kind: 'change',
      key: key('change', [change]),
      sentence: s,
      uses: percent ? [earlier, change, percent] : [earlier, change],
      current: earlier,
      change,
      rise,
      ...(percent ? { percent } : {}),
      contradictory,
      versus,
      flat,
    });
  }
}

const EXHAUSTIVE: RegExp[] = [/基本支出.*项目支出/, /货物.*工程.*服务/, /工程.*货物.*服务/];

/** 总额X，其中/包含/包括 a、b、c: the listed parts against the total just before the list. */
function compositions(s: Sentence, nums: Num[], ctx: Context): void {
  for (const m of s.text.matchAll(/其中包括|其中|包含|包括/g)) {
    const at = m.index ?? 0;
    const total = [...nums].reverse().find((n) => (n.kind === 'money' || n.kind === 'count') && n.end <= at && at - n.end < 8);
    if (!total) continue;
    const end = (() => {
      const close = s.text.indexOf(')', at);
      const open = s.text.lastIndexOf('(', at);
      return open >= 0 && open > total.end - 1 && close > at ? close : s.text.length;
    })();
    // The list ends at a clause that starts another statement: a year, or a verb of its own.
    const stop = /[，,；;](?=[^，,；;]*?(20\d{2}年|涉及|通过|完成|实现|提供|发放|带动|组织|举办|用于|支付))/g;
    stop.lastIndex = at;
    const firstStop = stop.exec(s.text);
    const listEnd = Math.min(end, firstStop ? firstStop.index : s.text.length);
    // A part's own breakdown in parentheses is not another part.
    const depth = parenDepth(s, at);
    const parts = nums.filter(
      (n) => n.kind === total.kind && n.unit === total.unit && n.start > at && n.end <= listEnd && !isThreshold(s, n) && parenDepth(s, n.start) === depth,
    );
    // Parts followed by 占X% are shares of the total, listed the same way.
    if (parts.length < 2) continue;
    if (parts.some((p) => p.kind === 'money' && /扣减|调减|增加|减少/.test(subjectBefore(s, p)) && !/扣减/.test(s.text.slice(total.start - 6, total.start)))) continue;
    const listed = s.text.slice(at, end);
    const exhaustive = EXHAUSTIVE.some((re) => re.test(listed)) || /共有|共计|合计|总额|总计/.test(subjectBefore(s, total));
    ctx.claims.push({ kind: 'composition', key: key('composition', [total, ...parts]), sentence: s, uses: [total, ...parts], total: { source: 'text', num: total }, parts, exhaustive });
  }
}

/** 绩效 project lines: 金额A，(年中执行)调减/调增B，实际支出C，结余结转D. */
function arithmetic(s: Sentence, nums: Num[], ctx: Context): void {
  const money = nums.filter((n) => n.kind === 'money');
  const find = (re: RegExp) => money.find((n) => re.test(subjectBefore(s, n)));
  const amount = find(/金额$/);
  const spent = find(/实际支出$/);
  if (!amount || !spent || spent.start < amount.start) return;
  const adjust = find(/调(减|增)$|追加$/);
  const balance = find(/(结余结转|结转结余|结余|结转)$/);
  const rise = adjust ? /调增|追加/.test(subjectBefore(s, adjust)) : false;
  const uses = [amount, spent, ...(adjust ? [adjust] : []), ...(balance ? [balance] : [])];
  ctx.claims.push({
    kind: 'arithmetic',
    key: key('arithmetic', uses),
    sentence: s,
    uses,
    amount,
    rise,
    spent,
    ...(adjust ? { adjust } : {}),
    ...(balance ? { balance } : {}),
  });
}

/** The amounts listed as the reason for an item's change from its budget. */
function explanations(s: Sentence, nums: Num[], ctx: Context): void {
  const reason = /主要原因(是)?[:：]?|原因是[:：]?/.exec(s.text);
  if (!reason || !ctx.item) return;
  const budget = lastMoney(nums, reason.index, BUDGET, s) ?? ctx.item.budget;
  const actual = lastMoney(nums, reason.index, ACTUAL, s) ?? ctx.item.actual;
  if (!budget || !actual) return;
  const used = new Set(ctx.claims.filter((c) => c.sentence === s && c.kind === 'composition').flatMap((c) => c.uses));
  const parts = nums.filter((n) => n.kind === 'money' && n.start > reason.index && !used.has(n) && !/(共计|合计|总计|资金|扣减项目资金)$/.test(subjectBefore(s, n)));
  if (parts.length === 0) return;
  const partial = /等[。，,;；]?$/.test(s.text.slice(parts[parts.length - 1]?.end ?? 0, (parts[parts.length - 1]?.end ?? 0) + 2));
  ctx.claims.push({ kind: 'explanation', key: key('explanation', parts), sentence: s, uses: parts, budget, actual, parts, partial });
}

/** 受理N件…结案M件，结案率R%. */
function rates(s: Sentence, nums: Num[], ctx: Context): void {
  const m = /(结案率|办结率|完成率)达?$/;
  for (const p of nums) {
    if (p.kind !== 'percent' || !m.test(s.text.slice(Math.max(0, p.start - 5), p.start))) continue;
    const counts = nums.filter((n) => n.kind === 'count' && n.start < p.start && n.unit === '件');
    const base = counts.find((n) => /受理|立案|收到|登记/.test(subjectBefore(s, n)) || /受理|立案/.test(s.text.slice(Math.max(0, n.start - 20), n.start)));
    const done = [...counts].reverse().find((n) => /结案|办结|完成/.test(s.text.slice(Math.max(0, n.start - 6), n.start)));
    if (!base || !done || base === done) continue;
    ctx.claims.push({ kind: 'rate', key: key('rate', [p]), sentence: s, uses: [base, done, p], base, done, percent: p });
  }
}

/** 因公出国费 X，团组N个；公务接待费 X，接待团组N个；公务用车 … 保有量N辆. */
function presences(s: Sentence, nums: Num[], scope: Scope, ctx: Context): void {
  if (scope !== 'three-public') return;
  const money = nums.find((n) => n.kind === 'money');
  if (!money) return;
  const item = threePublicItem(subjectBefore(s, money)) ?? threePublicItem(s.text.slice(0, money.start));
  const count = nums.find((n) => n.kind === 'count' && n.start > money.start && /团组|辆/.test(s.text.slice(Math.max(0, n.start - 8), n.end)));
  if (!item || !count || !['abroad', 'reception', 'vehicle', 'operation'].includes(item)) return;
  const others = nums.filter((n) => n.kind === 'count' && n !== count && /人次|人/.test(n.unit) && n.start > count.start);
  const column = item === 'vehicle' || item === 'operation' ? 'actual-operation' : `actual-${item}`;
  ctx.claims.push({
    kind: 'presence',
    key: key('presence', [money, count]),
    sentence: s,
    uses: [count, ...others],
    amount: { source: 'text', num: money },
    count,
    item: column,
  });
}

/** The heading of an item paragraph binds its 支出决算 figure; a misspelt 科目 name is a claim too. */
function enterItem(s: Sentence, ctx: Context, scope: Scope): void {
  const heading = itemHeadingOf(s);
  if (!heading) {
    ctx.item = undefined;
    return;
  }
  if (ctx.item?.heading === heading) return;
  const binding = bindItemHeading(heading, ctx.doc, scope === 'expense' ? 'expense' : 'general-budget-expense');
  ctx.item = { heading, binding };
  if (!binding) return;
  const where = ctx.headingSentence?.text === heading || ctx.headingSentence?.text.startsWith(heading) ? ctx.headingSentence : s;
  for (const level of binding.levels) {
    if (!level.row) continue;
    const official = level.row.label;
    // Table cells are often cut at the column edge (“…管理事务支”): a table name that begins the
    // printed one is the same name.
    const cut = official.length >= 6 && level.printed.startsWith(official);
    if (!sameName(level.printed, official) && !cut) {
      ctx.claims.push({
        kind: 'name',
        key: `name/${binding.table}:${level.row.key}/${level.printed}`,
        sentence: s,
        uses: [],
        printed: level.printed,
        row: level.row,
        table: binding.table,
        loc: locAt(where, Math.max(0, where.text.indexOf(level.printed))),
      });
    }
  }
}

const CACHE = new WeakMap<DisclosureDocument, NarrativeClaims>();

/**
 * Every claim the narrative makes about the accounts, in document order. Pure, and computed once
 * per document: the narrative rules share it.
 */
export function claimsOf(doc: DisclosureDocument): NarrativeClaims {
  const cached = CACHE.get(doc);
  if (cached) return cached;
  const all = sentences(doc.narrative);
  const ctx: Context = { doc, claims: [], stated: [] };
  const numbers: NarrativeClaims['numbers'] = [];
  for (const s of all) {
    if (s.heading) {
      ctx.headingSentence = s;
      if (!/\((类|款|项)\)/.test(s.text)) {
        ctx.lead = undefined;
        ctx.stated = [];
      }
      continue;
    }
    const scope = scopeOf(s);
    enterItem(s, ctx, scope);
    const nums = numbersOf(s);
    if (nums.length === 0) {
      directions(s, nums, ctx);
      continue;
    }
    amounts(s, nums, scope, ctx);
    shares(s, nums, scope, ctx);
    completions(s, nums, ctx);
    directions(s, nums, ctx);
    changes(s, nums, ctx);
    compositions(s, nums, ctx);
    arithmetic(s, nums, ctx);
    explanations(s, nums, ctx);
    rates(s, nums, ctx);
    presences(s, nums, scope, ctx);
    // Figures that later sentences of the same item or section refer back to.
    if (ctx.item) {
      ctx.item.budget = lastMoney(nums, s.text.length, BUDGET, s) ?? ctx.item.budget;
      ctx.item.actual = lastMoney(nums, s.text.length, ACTUAL, s) ?? ctx.item.actual;
    }
    const heading = s.headings[s.headings.length - 1] ?? '';
    const firstMoney = nums.find((n) => n.kind === 'money');
    if (firstMoney && ctx.lead?.heading !== heading) ctx.lead = { heading, num: firstMoney, sentence: s };
    for (const n of nums) {
      if (isThreshold(s, n)) continue;
      numbers.push({ num: n, sentence: s });
      if (n.kind === 'money') ctx.stated.push({ subject: subjectNoun(subjectBefore(s, n)), num: n });
    }
  }
  const used = new Set(ctx.claims.flatMap((c) => [...c.uses, ...(c.kind === 'amount' ? [c.num] : [])]));
  const unbound = numbers.filter((x) => !used.has(x.num));
  const result = { claims: ctx.claims, unbound, numbers, sentences: all };
  CACHE.set(doc, result);
  return result;
}
