import type { TableKey } from '../model/document.js';
import type { Localized } from '../model/finding.js';

/** How a table is laid out, which decides how its rows and columns are read. */
export type TableLayout = 'coded' | 'two-sided' | 'panels' | 'three-public';

export interface ColumnSpec {
  key: string;
  name: Localized;
  /** Matched against the header text of a column, joined over the header rows, spaces removed. */
  match: RegExp;
}

export interface TableTemplate {
  key: TableKey;
  name: Localized;
  /** Matched against a normalised title line (numbering, quotes and spaces removed). */
  title: RegExp;
  layout: TableLayout;
  /** Amount columns (coded/panels tables) or expense-side columns (two-sided tables). */
  columns: ColumnSpec[];
  /** Income-side amount columns of two-sided tables. */
  incomeColumns?: ColumnSpec[];
}

const c = (key: string, zh: string, en: string, match: RegExp): ColumnSpec => ({ key, name: { zh, en }, match });

const AMOUNT = c('amount', '金额', 'amount', /金额|决算数/);

/** The government-fund and state-capital tables share one layout: carried forward, income, spending. */
const FUND_COLUMNS: ColumnSpec[] = [
  c('opening', '年初结转和结余', 'carried forward at start of year', /年初结转/),
  c('income', '本年收入', 'income of the year', /本年收入/),
  c('total', '本年支出', 'expenditure of the year', /本年支出(小计|合计)?$|^(小计|合计)$/),
  c('basic', '基本支出', 'basic expenditure', /基本支出/),
  c('project', '项目支出', 'project expenditure', /项目支出/),
  c('closing', '年末结转和结余', 'carried forward at end of year', /年末结转/),
];

/**
 * The nine tables. Titles vary slightly by region and year (…基本支出决算表 vs …决算明细表;
 * 国有资本经营预算财政拨款(收入)支出决算表); numbering never identifies a table.
 */
export const TEMPLATES: readonly TableTemplate[] = [
  {
    key: 'income-expense',
    name: { zh: '收入支出决算总表', en: 'income and expenditure summary' },
    title: /^(部门)?收入支出决算总表$/,
    layout: 'two-sided',
    incomeColumns: [AMOUNT],
    columns: [AMOUNT],
  },
  {
    key: 'income',
    name: { zh: '收入决算表', en: 'income table' },
    title: /^(部门)?收入决算表$/,
    layout: 'coded',
    columns: [
      c('total', '本年收入合计', 'total income', /本年收入合计|^(项目)?合计$/),
      c('fiscal', '财政拨款收入', 'fiscal appropriation', /财政拨款收入?/),
      c('superior', '上级补助收入', 'subsidy from superior', /上级补助收入/),
      c('business', '事业收入', 'operating-activity income', /^事业收入/),
      c('operation', '经营收入', 'business income', /^经营收入/),
      c('affiliated', '附属单位上缴收入', 'remittance from affiliates', /附属单位上缴收入/),
      c('other', '其他收入', 'other income', /其他收入/),
    ],
  },
  {
    key: 'expense',
    name: { zh: '支出决算表', en: 'expenditure table' },
    title: /^(部门)?支出决算表$/,
    layout: 'coded',
    columns: [
      c('total', '本年支出合计', 'total expenditure', /本年支出合计|^(项目)?合计$/),
      c('basic', '基本支出', 'basic expenditure', /基本支出/),
      c('project', '项目支出', 'project expenditure', /项目支出/),
      c('remit', '上缴上级支出', 'remittance to superior', /上缴上级支出/),
      c('operation', '经营支出', 'business expenditure', /^经营支出/),
      c('subsidy', '对附属单位补助支出', 'subsidy to affiliates', /对附属单位补助支出/),
    ],
  },
  {
    key: 'fiscal-income-expense',
    name: { zh: '财政拨款收入支出决算总表', en: 'fiscal appropriation summary' },
    title: /^财政拨款收入支出决算总表$/,
    layout: 'two-sided',
    incomeColumns: [AMOUNT],
    columns: [
      c('total', '合计', 'total', /^(合计|小计)$/),
      c('general', '一般公共预算财政拨款', 'general public budget', /一般公共预算/),
      c('fund', '政府性基金预算财政拨款', 'government fund budget', /政府性基金/),
      c('capital', '国有资本经营预算财政拨款', 'state capital budget', /国有资本经营/),
    ],
  },
  {
    key: 'general-budget-expense',
    name: { zh: '一般公共预算财政拨款支出决算表', en: 'general public budget expenditure table' },
    title: /^一般公共预算财政拨款支出决算表$/,
    layout: 'coded',
    columns: [
      c('total', '合计', 'total', /小计|合计/),
      c('basic', '基本支出', 'basic expenditure', /基本支出/),
      c('project', '项目支出', 'project expenditure', /项目支出/),
    ],
  },
  {
    key: 'general-budget-basic',
    name: { zh: '一般公共预算财政拨款基本支出决算表', en: 'general public budget basic expenditure table' },
    title: /^一般公共预算财政拨款基本支出决算(明细)?表$/,
    layout: 'panels',
    columns: [AMOUNT],
  },
  {
    key: 'gov-fund',
    name: { zh: '政府性基金预算财政拨款收入支出决算表', en: 'government fund table' },
    title: /^政府性基金预算财政拨款(收入)?支出决算表$/,
    layout: 'coded',
    columns: FUND_COLUMNS,
  },
  {
    key: 'state-capital',
    name: { zh: '国有资本经营预算财政拨款支出决算表', en: 'state capital operation table' },
    title: /^国有资本经营预算财政拨款(收入)?支出决算表$/,
    layout: 'coded',
    columns: FUND_COLUMNS,
  },
  {
    key: 'three-public',
    name: { zh: '财政拨款“三公”经费支出决算表', en: '“three public” expenditure table' },
    title: /^(一般公共预算)?(财政拨款)?三公经费(财政拨款)?支出(预)?决算表$/,
    layout: 'three-public',
    columns: [],
  },
];

const BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));

export function template(key: TableKey): TableTemplate {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`no template for ${key}`);
  return found;
}

/** Removes what varies in a printed title: numbering, 公开NN表 tags, quotes, brackets and spaces. */
export function normaliseTitle(line: string): string {
  return line
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[-•·*#]+/, '')
    .replace(/^(第?[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]+[)）])/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/[（(]?公开\d{1,2}表[)）]?$/, '')
    .replace(/^[（(]?公开\d{1,2}表[)）]?/, '')
    .replace(/["“”'‘’「」『』]/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[)）]/g, ')');
}

/** The template whose title a line carries, if any. */
export function matchTitle(line: string): TableTemplate | undefined {
  const title = normaliseTitle(line);
  if (title.length < 4 || title.length > 40) return undefined;
  return TEMPLATES.find((t) => t.title.test(title.replace(/[()]/g, '')) || t.title.test(title));
}

/** Normalises header text for matching: no spaces, ASCII brackets. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}
