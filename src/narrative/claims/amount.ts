import { threePublicColumnName } from '../../templates/three-public.js';
import { bindItemHeading, bindSubject, threePublicItem, type Binding, type ThreePublicItem } from '../bind.js';
import { isThreshold, type Num } from '../numbers.js';
import { cellOf } from './cells.js';
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

/** `threePublicItem` of the text since the last full stop before `offset`, answered from word places. */
function itemBefore(at: SentenceAt, offset: number): ThreePublicItem | undefined {
  const from = at.lastEndingBy('。', offset) + 1;
  const named = (...words: string[]) => words.some((w) => at.has(w, from, offset));
  if (named('公务用车购置及运行', '公务用车购置费及运行')) return 'vehicle';
  if (named('公务用车运行')) return 'operation';
  if (named('公务用车购置')) return 'purchase';
  if (named('因公出国')) return 'abroad';
  if (named('公务接待')) return 'reception';
  if (named('三公')) return 'total';
  return undefined;
}

/** Figures restating table cells: subjects bound by name, 支出决算 bound by the 类/款/项 heading, 三公 items. */
export const amount: Extractor<AmountClaim> = {
  kind: 'amount',
  rule: 'narrative-amount',
  extract(at, ctx, emit) {
    const { s, scope } = at;
    const restates = (n: Num, binding: Binding, relation: AmountClaim['relation'] = 'eq') =>
      emit({ kind: 'amount', key: claimKey('amount', [n], binding), sentence: s, uses: [n], num: n, target: cellOf(ctx.doc, binding), relation });
    let threeItem: ReturnType<typeof threePublicItem>;
    for (const n of at.money) {
      if (at.full) return;
      if (isThreshold(s, n)) continue;
      const subject = at.subject(n);
      const named = bindSubject(subject, scope);
      if (named && !(scope === 'three-public' && /决算|预算/.test(subject) && !/三公|因公出国|公务用车|公务接待/.test(subject))) {
        restates(n, named);
        continue;
      }
      // A class (or 款/项) named in a list: “教育(类)支出620万元，占6.7%” restates that row's total.
      const clause = at.listClause(n);
      const listed = /\((类|款|项)\)(支出)?$/.test(clause) && (scope === 'general-budget-expense' || scope === 'expense') ? bindItemHeading(clause, ctx.doc, scope) : undefined;
      if (listed?.row) {
        const row = listed.row;
        restates(n, { table: listed.table, row: row.key, column: 'total', name: `${row.code ?? row.key} ${row.label}` });
        continue;
      }
      const item = threePublicItem(subject) ?? (scope === 'three-public' || at.has('三公', 0, n.start) ? itemBefore(at, n.start) : undefined);
      // Changes and explanation amounts are not restatements of a cell.
      if (/变动|增加|减少|增长|下降|扣减|调减|调增|追加|结转|结余|相比/.test(subject)) continue;
      if (!threePublicItem(subject) && /补贴|补助|经费|资金/.test(subject) && !/(支出|决算)(数)?(为)?$/.test(subject)) continue;
      if ((scope === 'three-public' || /三公|因公出国|公务用车|公务接待/.test(subject)) && (item ?? threeItem)) {
        threeItem = item ?? threeItem;
        const kind = /预算/.test(subject) ? 'budget' : /决算/.test(subject) || scope === 'three-public' ? 'actual' : undefined;
        if (!kind || !threeItem) continue;
        if (/团组|人次|车辆/.test(subject)) continue;
        const column = `${kind}-${threeItem}`;
        restates(n, { table: 'three-public', row: 'three-public', column, name: threePublicColumnName(column).zh });
        continue;
      }
      const heading = at.itemHeading;
      if (heading && /^(支出)?决算(数)?(为)?$/.test(subject.replace(/^.*?(支出决算|决算)/, '$1'))) {
        const bound = ctx.item?.binding;
        if (bound && (bound.row || bound.levels.every((l) => l.row || l === bound.levels[bound.levels.length - 1]))) {
          const row = bound.row && bound.levels.every((l) => l.row) ? bound.row : undefined;
          const last = bound.levels[bound.levels.length - 1]?.printed ?? heading;
          const name = row ? `${row.code ?? row.key} ${row.label}` : last;
          restates(n, { table: bound.table, row: row?.key ?? `absent:${heading}`, column: 'total', name });
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
