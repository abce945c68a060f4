import type { ColumnDef, RowDef, TableDef } from '../family.js';
import { BUDGET_TABLES } from './budget-tables.js';

const col = (key: string, zh: string, en: string, ...headers: string[]): ColumnDef => ({ key, name: { zh, en }, headers });
const detail = (key: string, zh: string, en: string, ...headers: string[]): ColumnDef => ({ key, name: { zh, en }, headers, detail: true });
const row = (key: string, zh: string, en: string, ...labels: string[]): RowDef => ({ key, name: { zh, en }, labels });

const AMOUNT = col('amount', '金额', 'amount', '金额|决算数');

/** The government-fund and state-capital tables share one layout: carried forward, income, spending. */
const FUND_COLUMNS: ColumnDef[] = [
  col('opening', '年初结转和结余', 'carried forward at start of year', '年初结转'),
  col('income', '本年收入', 'income of the year', '本年收入'),
  col('total', '本年支出', 'expenditure of the year', '本年支出(小计|合计)?$', '^(小计|合计)$'),
  col('basic', '基本支出', 'basic expenditure', '基本支出'),
  col('project', '项目支出', 'project expenditure', '项目支出'),
  col('closing', '年末结转和结余', 'carried forward at end of year', '年末结转'),
];

const THREE_PUBLIC_ITEMS: Array<[key: string, zh: string, en: string]> = [
  ['total', '合计', 'total'],
  ['abroad', '因公出国（境）费', 'official travel abroad'],
  ['vehicle', '公务用车购置及运行维护费', 'official vehicles (subtotal)'],
  ['purchase', '公务用车购置费', 'vehicle purchase'],
  ['operation', '公务用车运行维护费', 'vehicle operation and maintenance'],
  ['reception', '公务接待费', 'official reception'],
];

/** The 三公 table's twelve cells: 预算数 and 决算数 of each item (the reader places them by header). */
const THREE_PUBLIC_COLUMNS: ColumnDef[] = (['budget', 'actual'] as const).flatMap((kind) =>
  THREE_PUBLIC_ITEMS.map(([item, zh, en]) =>
    col(`${kind}-${item}`, `${kind === 'budget' ? '预算数' : '决算数'}${zh}`, `${kind} ${en}`, `${kind === 'budget' ? '预算' : '决算'}.*${zh.replace(/[（）]/g, '.?')}`),
  ),
);

/** Item rows of the two summary tables, matched on labels with numbering and spaces removed. */
const INCOME_EXPENSE_INCOME: RowDef[] = [
  row('fiscal', '财政拨款收入', 'fiscal appropriation income', '^财政拨款收入$'),
  row('fiscal-general', '一般公共预算财政拨款收入', 'general public budget appropriation', '^一般公共预算财政拨款(收入)?$'),
  row('fiscal-fund', '政府性基金预算财政拨款收入', 'government fund appropriation', '^政府性基金预算财政拨款(收入)?$'),
  row('fiscal-capital', '国有资本经营预算财政拨款收入', 'state capital appropriation', '^国有资本经营预算财政拨款(收入)?$'),
  row('superior', '上级补助收入', 'subsidy from superior', '^上级补助收入$'),
  row('business', '事业收入', 'operating-activity income', '^事业收入$'),
  row('operation', '经营收入', 'business income', '^经营收入$'),
  row('affiliated', '附属单位上缴收入', 'remittance from affiliates', '^附属单位上缴收入$'),
  row('other', '其他收入', 'other income', '^其他收入$'),
  row('total-income', '本年收入合计', 'total income of the year', '^本年收入合计$'),
  row('use-surplus', '使用非财政拨款结余', 'use of non-appropriation surplus', '^使用非财政拨款结余'),
  row('opening', '年初结转和结余', 'carried forward at start of year', '^(年初|上年)结转和结余$'),
  row('grand-total', '总计', 'grand total', '^总计$', '^合计$'),
];

const INCOME_EXPENSE_EXPENSE: RowDef[] = [
  row('total-expense', '本年支出合计', 'total expenditure of the year', '^本年支出合计$'),
  row('distribution', '结余分配', 'distribution of surplus', '^结余分配$'),
  row('closing', '年末结转和结余', 'carried forward at end of year', '^年末结转和结余$'),
  row('grand-total', '总计', 'grand total', '^总计$', '^合计$'),
];

const FISCAL_INCOME: RowDef[] = [
  row('general', '一般公共预算财政拨款', 'general public budget appropriation', '^一般公共预算财政拨款(收入)?$'),
  row('fund', '政府性基金预算财政拨款', 'government fund appropriation', '^政府性基金预算财政拨款(收入)?$'),
  row('capital', '国有资本经营预算财政拨款', 'state capital appropriation', '^国有资本经营预算财政拨款(收入)?$'),
  row('total-income', '本年收入合计', 'total income of the year', '^本年收入合计$'),
  row('opening', '年初财政拨款结转和结余', 'appropriation carried forward at start of year', '^年初财政拨款结转和结余$'),
  row('grand-total', '总计', 'grand total', '^总计$'),
];

const FISCAL_EXPENSE: RowDef[] = [
  row('total-expense', '本年支出合计', 'total expenditure of the year', '^本年支出合计$'),
  row('closing', '年末财政拨款结转和结余', 'appropriation carried forward at end of year', '^年末财政拨款结转和结余$'),
  row('general', '一般公共预算财政拨款', 'general public budget appropriation', '^一般公共预算财政拨款$'),
  row('fund', '政府性基金预算财政拨款', 'government fund appropriation', '^政府性基金预算财政拨款$'),
  row('capital', '国有资本经营预算财政拨款', 'state capital appropriation', '^国有资本经营预算财政拨款$'),
  row('grand-total', '总计', 'grand total', '^总计$'),
];

/**
 * Every table zjs can recognise, by what it is (never by its number, which differs by region and
 * year). Titles vary slightly by region and year (…基本支出决算表 vs …决算明细表;
 * 国有资本经营预算财政拨款(收入)支出决算表); a family says which of them a document has.
 */
const FINAL_TABLES: readonly TableDef[] = [
  {
    key: 'income-expense',
    name: { zh: '收入支出决算总表', en: 'income and expenditure summary' },
    titles: ['^(部门)?收入支出决算总表$', '^(高等学校)?收支决算总表$'],
    layout: 'two-sided',
    incomeColumns: [AMOUNT],
    columns: [AMOUNT],
    rows: { income: INCOME_EXPENSE_INCOME, expense: INCOME_EXPENSE_EXPENSE },
  },
  {
    key: 'income',
    name: { zh: '收入决算表', en: 'income table' },
    titles: ['^(部门|高等学校)?收入决算表$'],
    layout: 'coded',
    columns: [
      col('total', '本年收入合计', 'total income', '本年收入合计', '^(项目)?合计$'),
      col('fiscal', '财政拨款收入', 'fiscal appropriation', '财政拨款收入?'),
      col('superior', '上级补助收入', 'subsidy from superior', '上级补助收入'),
      col('business', '事业收入', 'operating-activity income', '^事业收入(?!.*其中)'),
      // A “其中” column details the one before it (高校: 事业收入 其中：教育收费); it is in no sum.
      detail('business-fees', '其中：教育收费', 'of which: tuition fees', '其中.*教育收费|^教育收费$'),
      col('operation', '经营收入', 'business income', '^经营收入'),
      col('affiliated', '附属单位上缴收入', 'remittance from affiliates', '附属单位上缴收入'),
      col('other', '其他收入', 'other income', '其他收入'),
    ],
  },
  {
    key: 'expense',
    name: { zh: '支出决算表', en: 'expenditure table' },
    titles: ['^(部门|高等学校)?支出决算表$'],
    layout: 'coded',
    columns: [
      col('total', '本年支出合计', 'total expenditure', '本年支出合计', '^(项目)?合计$'),
      col('basic', '基本支出', 'basic expenditure', '基本支出'),
      col('project', '项目支出', 'project expenditure', '项目支出'),
      col('remit', '上缴上级支出', 'remittance to superior', '上缴上级支出'),
      col('operation', '经营支出', 'business expenditure', '^经营支出'),
      col('subsidy', '对附属单位补助支出', 'subsidy to affiliates', '对附属单位补助支出'),
    ],
  },
  {
    key: 'fiscal-income-expense',
    name: { zh: '财政拨款收入支出决算总表', en: 'fiscal appropriation summary' },
    titles: ['^财政拨款收入支出决算总表$'],
    layout: 'two-sided',
    incomeColumns: [AMOUNT],
    columns: [
      col('total', '合计', 'total', '^(合计|小计)$'),
      col('general', '一般公共预算财政拨款', 'general public budget', '一般公共预算'),
      col('fund', '政府性基金预算财政拨款', 'government fund budget', '政府性基金'),
      col('capital', '国有资本经营预算财政拨款', 'state capital budget', '国有资本经营'),
    ],
    rows: { income: FISCAL_INCOME, expense: FISCAL_EXPENSE },
  },
  {
    key: 'general-budget-expense',
    name: { zh: '一般公共预算财政拨款支出决算表', en: 'general public budget expenditure table' },
    titles: ['^一般公共预算财政拨款支出决算表$'],
    layout: 'coded',
    columns: [
      col('total', '合计', 'total', '小计|合计'),
      col('basic', '基本支出', 'basic expenditure', '基本支出'),
      col('project', '项目支出', 'project expenditure', '项目支出'),
    ],
  },
  {
    key: 'general-budget-basic',
    name: { zh: '一般公共预算财政拨款基本支出决算表', en: 'general public budget basic expenditure table' },
    titles: ['^一般公共预算财政拨款基本支出决算(明细)?表$'],
    layout: 'panels',
    columns: [AMOUNT],
  },
  {
    key: 'gov-fund',
    name: { zh: '政府性基金预算财政拨款收入支出决算表', en: 'government fund table' },
    titles: ['^政府性基金预算财政拨款(收入)?支出决算表$'],
    layout: 'coded',
    columns: FUND_COLUMNS,
  },
  {
    key: 'state-capital',
    name: { zh: '国有资本经营预算财政拨款支出决算表', en: 'state capital operation table' },
    titles: ['^国有资本经营预算财政拨款(收入)?支出决算表$'],
    layout: 'coded',
    columns: FUND_COLUMNS,
  },
  {
    // Central 高校: all appropriation spending by 功能分类, with 基本建设 inside 项目支出.
    key: 'fiscal-expense',
    name: { zh: '财政拨款支出决算表', en: 'fiscal appropriation expenditure table' },
    titles: ['^(高等学校)?财政拨款支出决算表$'],
    layout: 'coded',
    columns: [
      col('total', '合计', 'total', '^(本年支出)?(合计|小计)$'),
      col('basic', '基本支出', 'basic expenditure', '基本支出$'),
      col('project', '项目支出', 'project expenditure', '^(本年支出)?项目支出(小计)?$', '^小计$'),
      detail('construction', '其中：基本建设资金支出', 'of which: capital construction', '基本建设'),
    ],
  },
  {
    key: 'three-public',
    name: { zh: '财政拨款“三公”经费支出决算表', en: '“three public” expenditure table' },
    titles: ['^(一般公共预算)?(财政拨款)?三公经费(财政拨款)?支出(预)?决算表$'],
    layout: 'three-public',
    columns: THREE_PUBLIC_COLUMNS,
  },
];

/** Every table of the built-in catalog: those of the 决算 families, then those of the 部门预算. */
export const TABLES: readonly TableDef[] = [...FINAL_TABLES, ...BUDGET_TABLES];
