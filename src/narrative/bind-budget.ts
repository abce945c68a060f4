import { b, subjectNoun, type Binding } from './bind.js';

/**
 * How a 部门预算 说明 names the figures of its own tables (江苏 2017–2019, and the MoF template's
 * wording): the noun before a figure, once years, 其中 and verbs of being are stripped
 * (`subjectNoun`). Each pattern is anchored at both ends, so that a longer noun (政府性基金收入预算
 * 比上年…) never binds by a part of it; a noun none matches leaves its figure unbound.
 */

/** Optional words around a budget noun: 预算, 预算数, 支出, 安排, 总计… in the orders the 说明 print them. */
const TAIL = '(?:预算)?(?:支出)?(?:预算)?(?:数)?';

const NOUNS: ReadonlyArray<readonly [RegExp, (noun: string) => Binding]> = [
  // 收支预算总表
  [/^(?:收入、?支出|收、?支)预算(?:总计|总额|合计)$|^收支预算总(?:计|额)$/, (n) => b('budget-summary', 'income:total', 'amount', n)],
  [/^收入预算(?:总计|合计)$/, (n) => b('budget-summary', 'income:total', 'amount', n)],
  [/^(?:本年|当年)收入预算(?:合计|小计)$/, (n) => b('budget-summary', 'income:subtotal', 'amount', n)],
  [/^支出预算(?:总计|合计)$/, (n) => b('budget-summary', 'expense:total', 'amount', n)],
  [/^(?:本年|当年)支出预算(?:合计|小计)$/, (n) => b('budget-summary', 'expense:subtotal', 'amount', n)],
  [/^一般公共预算(?:拨款)?收入(?:预算)?(?:数)?$/, (n) => b('budget-summary', 'income:general', 'amount', n)],
  [/^政府性基金(?:预算)?(?:拨款)?收入(?:预算)?(?:数)?$/, (n) => b('budget-summary', 'income:fund', 'amount', n)],
  [/^财政专户管理资金(?:收入)?(?:预算)?(?:总计|数)?$/, (n) => b('budget-summary', 'income:special', 'amount', n)],
  [/^其他资金(?:收入)?(?:预算)?(?:总计|数)?$/, (n) => b('budget-summary', 'income:other', 'amount', n)],
  [/^上年结转(?:资金)?(?:预算)?(?:数)?$/, (n) => b('budget-summary', 'income:carryover', 'amount', n)],
  // 财政拨款收支预算总表
  [/^财政拨款收、?支(?:预算)?(?:总计|总额|合计)?$/, (n) => b('budget-fiscal-summary', 'income:total', 'amount', n)],
  // Tables of 功能科目 and 经济科目: their 合计
  [new RegExp(`^财政拨款(?:预算)?支出${TAIL}(?:合计|总计)?$`), (n) => b('budget-fiscal-expense', 'total', 'amount', n)],
  [new RegExp(`^一般公共预算(?:财政拨款)?支出${TAIL}(?:合计|总计)?$`), (n) => b('budget-general-expense', 'total', 'amount', n)],
  [new RegExp(`^财政拨款基本支出${TAIL}$`), (n) => b('budget-fiscal-basic', 'total', 'amount', n)],
  [new RegExp(`^一般公共预算(?:财政拨款)?基本支出${TAIL}$`), (n) => b('budget-general-basic', 'total', 'amount', n)],
  [new RegExp(`^(?:一般公共预算)?(?:财政拨款)?机关运行经费${TAIL}$`), (n) => b('budget-running', 'total', 'amount', n)],
  [/^政府采购(?:支出)?预算(?:总额|合计|总计)?$/, (n) => b('budget-procurement', 'expense:total', 'amount', n)],
  // “三公”经费、会议费、培训费支出预算表 (its one line, the 合计 row)
  [new RegExp(`^(?:一般公共预算)?(?:财政拨款)?“?三公”?经费${TAIL}(?:合计|总计)?$`), (n) => b('budget-three-public', 'total', 'three-total', n)],
  [new RegExp(`^因公出国\\(境\\)费${TAIL}$`), (n) => b('budget-three-public', 'total', 'abroad', n)],
  [new RegExp(`^公务用车购置及运行(?:维护)?费${TAIL}$`), (n) => b('budget-three-public', 'total', 'vehicle', n)],
  [new RegExp(`^公务用车购置费${TAIL}$`), (n) => b('budget-three-public', 'total', 'purchase', n)],
  [new RegExp(`^公务用车运行(?:维护)?费${TAIL}$`), (n) => b('budget-three-public', 'total', 'operation', n)],
  [new RegExp(`^公务接待费${TAIL}$`), (n) => b('budget-three-public', 'total', 'reception', n)],
  [new RegExp(`^(?:一般公共预算(?:财政)?拨款安排的)?会议费${TAIL}$`), (n) => b('budget-three-public', 'total', 'meeting', n)],
  [new RegExp(`^(?:一般公共预算(?:财政)?拨款安排的)?培训费${TAIL}$`), (n) => b('budget-three-public', 'total', 'training', n)],
];

/** The uses of the budget (基本支出…): the 收支预算总表's, except under a heading about 财政拨款 alone. */
const USES: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`^基本支出${TAIL}$`), 'expense:basic'],
  [new RegExp(`^项目支出${TAIL}$`), 'expense:project'],
  [/^单位预留机动经费(?:预算)?(?:数)?$/, 'expense:reserve'],
];

/** Enumerations before a noun: 1. (1) (一) 一、 */
const ENUMERATION = /^(?:\d+[.、]|\(\d+\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)+/;

/**
 * The budget table cell a 部门预算 说明 names by a figure's subject (stripped by `subjectNoun`), under
 * the given headings; undefined when the words are not one of the forms above.
 */
export function bindBudgetSubject(subject: string, headings: readonly string[]): Binding | undefined {
  const noun = subjectNoun(subject);
  // What follows a colon (其中：…, 具体情况如下：1.…) is the noun.
  const name = noun.slice(Math.max(noun.lastIndexOf('：'), noun.lastIndexOf(':')) + 1).replace(ENUMERATION, '');
  for (const [re, make] of NOUNS) if (re.test(name)) return make(noun);
  const fiscalOnly = headings.some((h) => /财政拨款|一般公共预算|政府性基金|三公|机关运行/.test(h));
  if (fiscalOnly) return undefined;
  for (const [re, row] of USES) if (re.test(name)) return b('budget-summary', row, 'amount', noun);
  return undefined;
}
