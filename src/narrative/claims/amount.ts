import { threePublicColumnName } from '../../templates/three-public.js';
import { bindCodedItem, bindItemHeading, codedTable, bindSubject, THREE_PUBLIC_MENTIONS, type Binding, type ThreePublicItem } from '../bind.js';
import { bindBudgetSubject } from '../bind-budget.js';
import { isThreshold, type Num } from '../numbers.js';
import { cellOf, comparable } from './cells.js';
import { claimKey, type ClaimBase, type Side } from './claim.js';
import type { Extractor } from './context.js';
import type { SentenceAt } from './sentence.js';

/** A figure that restates a table cell. `relation` le/ge: the text figure bounds the cell. */
export interface AmountClaim extends ClaimBase {
  kind: 'amount';
  num: Num;
  target: Side & { source: 'table' };
  relation: 'eq' | 'ge' | 'le';
}

/**
 * The 三公 item named last before `offset` in the sentence (公务用车运行维护费…0.00万元，公务接待费…0.39万元:
 * each figure is the item nearest before it), with where its mention starts; the longer
 * mention wins at the same end (公务用车购置及运行 over 公务用车购置).
 */
function nearestItem(at: SentenceAt, offset: number): { item: ThreePublicItem; start: number } | undefined {
  let best: { item: ThreePublicItem; start: number; end: number } | undefined;
  for (const [word, item] of THREE_PUBLIC_MENTIONS) {
    const start = at.lastEndingBy(word, offset);
    if (start < 0) continue;
    const end = start + word.length;
    if (!best || end > best.end || (end === best.end && start < best.start)) best = { item, start, end };
  }
  return best && { item: best.item, start: best.start };
}

/**
 * Words that may stand between a 三公 item and its figure without naming anything else: the kind
 * of figure (年初预算, 支出决算…), a year, 支出, 费, a verb of being.
 */
const PLAIN_BETWEEN = /^(费|经费|费用)?(财政拨款)?(支出)?((20\d{2}年度?)|全年|本年度?)?(年初|全年|调整后)?(预算|决算|支出决算|支出预算|实际支出)?(数)?(支出)?(合计|共计|总计)?(为|是|达|约为|共计)?$/;

/** Changes and explanation amounts are not restatements of a cell. */
const NOT_A_STATEMENT = /变动|增加|减少|增长|下降|扣减|调减|调增|追加|结转|结余|相比/;

/** A subject cut at a bracket (因公出国(境)|费预算支出) with the name before it: 因公出国(境)费预算支出. */
function withBracketedName(at: SentenceAt, n: Num, subject: string): string {
  const before = bracketedNameAtEnd(at.text, at.subjectStart(n.start));
  return before === undefined ? subject : before + subject;
}

const CLAUSE_MARKS = new Set('，,；;：:、。()');

/**
 * The clause that ends `text.slice(0, end)` with a short bracketed name, “一般公共预算财政拨款(基本支出)”:
 * what /[^，,；;：:、。()]*\([^()]{1,6}\)$/ matches there, read backwards from the end (the pattern,
 * anchored at the end only, was tried from every position of the text before each figure).
 */
export function bracketedNameAtEnd(text: string, end: number): string | undefined {
  const close = end - 1;
  if (close < 0 || text[close] !== ')') return undefined;
  let open = close - 1;
  while (open >= 0 && close - open <= 7 && text[open] !== '(') {
    if (text[open] === ')') return undefined;
    open--;
  }
  if (open < 0 || text[open] !== '(' || close - open - 1 < 1 || close - open - 1 > 6) return undefined;
  let start = open;
  while (start > 0 && !CLAUSE_MARKS.has(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

/** Figures restating table cells: subjects bound by name, 支出决算 bound by the 类/款/项 heading, 三公 items. */
export const amount: Extractor<AmountClaim> = {
  kind: 'amount',
  rule: 'narrative-amount',
  extract(at, ctx, emit) {
    const { s, scope } = at;
    /** Emits the claim when the binding names a printed cell the figure can be held against. */
    const restates = (n: Num, binding: Binding, relation: AmountClaim['relation'] = 'eq'): void => {
      const target = cellOf(ctx.doc, binding);
      if (comparable(ctx.doc, target, n)) emit({ kind: 'amount', key: claimKey('amount', [n], binding), sentence: s, uses: [n], num: n, target, relation });
    };
    for (const n of at.money) {
      if (at.full) return;
      if (isThreshold(s, n)) continue;
      const subject = at.subject(n);
      // A 部门预算's figures name its own tables (a 决算 has none of them).
      const budget = NOT_A_STATEMENT.test(subject) ? undefined : bindBudgetSubject(withBracketedName(at, n, subject), s.headings);
      if (budget && ctx.doc.tables[budget.table]) {
        restates(n, budget);
        continue;
      }
      const named = bindSubject(subject, scope);
      if (named && !(scope === 'three-public' && /决算|预算/.test(subject) && !/三公|因公出国|公务用车|公务接待/.test(subject))) {
        restates(n, named);
        continue;
      }
      // A class (or 款/项) named in a list: “教育(类)支出620万元，占6.7%” restates that row's total.
      const clause = at.listClause(n);
      const listed = /\((类|款|项)\)(支出)?$/.test(clause) && codedTable(scope) === scope ? bindItemHeading(clause, ctx.doc, scope) : undefined;
      if (listed?.row) {
        const row = listed.row;
        restates(n, { table: listed.table, row: row.key, column: 'total', name: `${row.code ?? row.key} ${row.label}` });
        continue;
      }
      if (NOT_A_STATEMENT.test(subject)) continue;
      // “4.来华留学教育(2050602)，2023年度决算数为570.14万元”: the item named with its code.
      const coded = /^(20\d{2}年度?)?(支出)?决算(数)?(为)?$/.test(subject) ? bindCodedItem(at.text.slice(0, at.subjectStart(n.start)), ctx.doc, scope) : undefined;
      if (coded) {
        restates(n, coded);
        continue;
      }
      if (three(at, n, subject, restates)) continue;
      if (/补贴|补助|经费|资金/.test(subject) && !/(支出|决算)(数)?(为)?$/.test(subject)) continue;
      const heading = at.itemHeading;
      if (heading && /^(支出)?决算(数)?(为)?$/.test(subject.replace(/^.*?(支出决算|决算)/, '$1'))) {
        // An item the table prints at every level; or, for a zero figure, one whose last level it does
        // not print (nothing spent, nothing printed). A 项 it does not print may be shown under another.
        const bound = ctx.item?.binding;
        const last = bound?.levels[bound.levels.length - 1];
        if (bound?.row && bound.levels.every((l) => l.row)) {
          restates(n, { table: bound.table, row: bound.row.key, column: 'total', name: `${bound.row.code ?? bound.row.key} ${bound.row.label}` });
        } else if (bound && last && bound.levels.every((l) => l.row || l === last)) {
          restates(n, { table: bound.table, row: `absent:${heading}`, column: 'total', name: last.printed });
        }
        continue;
      }
      // 会议费/培训费 spent include the basic-expenditure lines 30215/30216 (basic spending is part of all).
      const fee = /^(会议费|培训费)/.exec(s.text)?.[1];
      if (fee && /^(支出)?决算(数)?(为)?$/.test(subject)) {
        const row = fee === '会议费' ? '30215' : '30216';
        restates(n, { table: 'general-budget-basic', row, column: 'amount', name: `${row} ${fee}` }, 'ge');
        continue;
      }
      // 机关运行经费 is part of 公用经费.
      if (/机关运行经费(支出)?$/.test(subject)) restates(n, { table: 'general-budget-basic', row: 'public-total', column: 'amount', name: '公用经费合计' }, 'le');
    }
  },
};

/**
 * A 三公 figure: the item named nearest before it in the sentence, when only plain words (预算,
 * 决算, 支出…) stand between the two; its budget or actual column by the words before it.
 * Returns whether the figure was taken as a 三公 figure (bound or not).
 */
function three(at: SentenceAt, n: Num, subject: string, restates: (n: Num, binding: Binding, relation?: AmountClaim['relation']) => void): boolean {
  const inSection = at.scope === 'three-public';
  if (!inSection && !at.has('三公', 0, n.start) && !THREE_PUBLIC_MENTIONS.some(([w]) => subject.includes(w))) return false;
  const near = nearestItem(at, n.start);
  if (!near || near.start <= at.lastEndingBy('。', n.start)) return false;
  // Two items named together (公务用车运行维护费和公务接待费…) are not one cell.
  const joined = /[和及与、]$/.exec(at.text.slice(Math.max(0, near.start - 1), near.start));
  if (joined && THREE_PUBLIC_MENTIONS.some(([w]) => at.text.slice(0, near.start - 1).endsWith(w))) return true;
  const mention = THREE_PUBLIC_MENTIONS.find(([w]) => at.text.startsWith(w, near.start) && near.start + w.length <= n.start)?.[0] ?? '';
  // Between the item and its figure only plain words, or the clause of an earlier figure of the item.
  const lastClause = at.text.slice(near.start + mention.length, n.start).split(/[，,；;：:、]/).pop() ?? '';
  const plain = (words: string): boolean => PLAIN_BETWEEN.test(words.replace(/^其中/, ''));
  if (!plain(lastClause) && !plain(subject)) return true;
  if (/团组|人次|车辆|批次/.test(subject)) return true;
  const budget = /预算/.test(lastClause) || /预算/.test(subject);
  const kind = budget ? 'budget' : /决算/.test(lastClause) || /决算/.test(subject) || inSection ? 'actual' : undefined;
  if (!kind) return true;
  const column = `${kind}-${near.item}`;
  // A part of the item (国内公务接待, 外宾接待) is at most the item.
  const part = /(国内|外宾|外事|境外)$/.test(at.text.slice(Math.max(0, near.start - 2), near.start));
  restates(n, { table: 'three-public', row: 'three-public', column, name: threePublicColumnName(column).zh }, part ? 'le' : 'eq');
  return true;
}
