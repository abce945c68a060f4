import type { ColumnDef, RowDef, TableDef } from '../family.js';

/**
 * The tables of a 部门预算 (departmental budget) as 江苏 prints them 2017–2019, and as the MoF
 * template names them: titles vary by year (财政拨款支出预算表 vs 财政拨款支出预算表（功能科目）),
 * numbering (表一, 公开01表, 一、) never identifies a table. Each is read by the `listed` layout:
 * labels and amounts in the order printed, since the text layer of these PDFs merges the cells of
 * one printed line (see docs/inputs.md, 部门预算 tables).
 */

const col = (key: string, zh: string, en: string, ...headers: string[]): ColumnDef => ({ key, name: { zh, en }, headers });
const detail = (key: string, zh: string, en: string, ...headers: string[]): ColumnDef => ({ key, name: { zh, en }, headers, detail: true });
const row = (key: string, zh: string, en: string, ...labels: string[]): RowDef => ({ key, name: { zh, en }, labels });

const AMOUNT = col('amount', '金额', 'amount', '金额|预算数|机关运行经费支出');

const USES: RowDef[] = [
  row('basic', '基本支出', 'basic expenditure', '^基本支出$'),
  row('project', '项目支出', 'project expenditure', '^项目支出$'),
  row('reserve', '单位预留机动经费', 'unit contingency reserve', '^单位预留机动经费$'),
];

/** A table of 功能科目 or 经济科目 codes with one amount column. */
const coded = (key: string, zh: string, en: string, titles: string[]): TableDef => ({
  key,
  name: { zh, en },
  titles,
  layout: 'listed',
  columns: [AMOUNT],
});

export const BUDGET_TABLES: readonly TableDef[] = [
  {
    key: 'budget-summary',
    name: { zh: '收支预算总表', en: 'budget income and expenditure summary' },
    titles: ['^(部门)?收支预算总表$'],
    layout: 'listed',
    incomeColumns: [AMOUNT],
    columns: [AMOUNT],
    rows: {
      income: [
        row('fiscal', '财政拨款', 'fiscal appropriation', '^财政拨款(收入)?$'),
        row('general', '一般公共预算', 'general public budget', '^一般公共预算(拨款|资金)?$'),
        row('fund', '政府性基金预算', 'government fund budget', '^政府性基金预算(拨款|资金)?$'),
        row('special', '财政专户管理资金', 'special account funds', '^财政专户管理资金$'),
        row('other', '其他资金', 'other funds', '^其他资金$'),
        row('subtotal', '当年收入小计', 'income of the year', '^当年收入小计$'),
        row('carryover', '上年结转资金', 'carried over from last year', '^上年结转(资金|和结余)?$'),
        row('total', '收入合计', 'total income', '^收入(合计|总计)$'),
      ],
      expense: [
        ...USES,
        row('subtotal', '当年支出小计', 'expenditure of the year', '^当年支出小计$'),
        row('carry-next', '结转下年资金', 'carried over to next year', '^结转下年(资金)?$'),
        row('total', '支出合计', 'total expenditure', '^支出(合计|总计)$'),
      ],
    },
  },
  {
    key: 'budget-income',
    name: { zh: '收入预算总表', en: 'budget income summary' },
    titles: ['^(部门)?收入预算总表$'],
    layout: 'listed',
    incomeColumns: [AMOUNT],
    columns: [AMOUNT],
    rows: {
      // Groups print their 小计 first, in this order: the n-th 小计 is the n-th group's.
      income: [
        row('grand-total', '收入总计', 'total income', '^收入总计$'),
        row('group-general', '一般公共预算资金', 'general public budget funds', '^一般公共预算资金$'),
        row('general-total', '一般公共预算资金小计', 'general public budget subtotal', '^小计$'),
        row('general-fiscal', '公共财政拨款(补助)资金', 'public appropriation', '^公共财政拨款\\(补助\\)资金$'),
        row('general-special', '专项收入', 'earmarked revenue', '^专项收入$'),
        row('group-fund', '政府性基金', 'government funds', '^政府性基金(预算)?$'),
        row('fund-total', '政府性基金小计', 'government fund subtotal', '^小计$'),
        row('group-special', '财政专户管理资金', 'special account funds', '^财政转?专户管理资金$'),
        row('special-total', '财政专户管理资金小计', 'special account subtotal', '^小计$'),
        row('special-education', '专户管理教育收费', 'education fees in the special account', '^专户管理教育收费$'),
        row('special-other', '其他非税收入', 'other non-tax revenue', '^其他非税收入$'),
        row('group-other', '其他资金', 'other funds', '^其他资金$'),
        row('other-total', '其他资金小计', 'other funds subtotal', '^小计$'),
        row('business', '事业收入', 'operating-activity income', '^事业收入$'),
        row('operation', '经营收入', 'business income', '^经营收入$'),
        row('other-income', '其他收入', 'other income', '^其他收入$'),
        row('debt', '债务资金(银行贷款)', 'debt (bank loans)', '^债务资金(\\(银行贷款\\))?$'),
        row('group-carryover', '上年结转和结余资金', 'carried over from last year', '^上年结转和结余资金$'),
        row('carryover-total', '上年结转和结余资金小计', 'carry-over subtotal', '^小计$'),
        row('carryover-used', '其中：动用上年结转和结余资金', 'of which: carry-over used', '^其中[:：]?动用上年结转和结余资金$'),
      ],
    },
  },
  {
    key: 'budget-expense',
    name: { zh: '支出预算总表', en: 'budget expenditure summary' },
    titles: ['^(部门)?支出预算总表$'],
    layout: 'listed',
    columns: [
      col('total', '合计', 'total', '合计'),
      col('basic', '基本支出', 'basic expenditure', '基本支出'),
      col('project', '项目支出', 'project expenditure', '项目支出'),
      col('reserve', '单位预留机动经费', 'unit contingency reserve', '单位预留机动经费'),
      // Blank in every 江苏 budget: expected only when the row prints one amount more.
      detail('carry-next', '结转下年资金', 'carried over to next year', '结转下年资金'),
    ],
  },
  {
    key: 'budget-fiscal-summary',
    name: { zh: '财政拨款收支预算总表', en: 'budget fiscal appropriation summary' },
    titles: ['^财政拨款收支预算总表$'],
    layout: 'listed',
    incomeColumns: [AMOUNT],
    columns: [AMOUNT],
    rows: {
      income: [
        row('general', '一般公共预算', 'general public budget', '^一般公共预算(拨款|资金)?$'),
        row('fund', '政府性基金预算', 'government fund budget', '^政府性基金预算(拨款|资金)?$'),
        row('total', '收入合计', 'total income', '^收入(合计|总计)$'),
      ],
      expense: [...USES, row('total', '支出合计', 'total expenditure', '^支出(合计|总计)$')],
    },
  },
  coded('budget-fiscal-expense', '财政拨款支出预算表（功能科目）', 'budget fiscal appropriation expenditure (by function)', ['^财政拨款支出预算表(\\(?功能科目\\)?)?$']),
  coded('budget-fiscal-basic', '财政拨款基本支出预算表（经济科目）', 'budget fiscal appropriation basic expenditure (by economic class)', ['^财政拨款基本支出预算表(\\(?经济科目\\)?)?$']),
  coded('budget-general-expense', '一般公共预算支出预算表（功能科目）', 'budget general public budget expenditure (by function)', ['^一般公共预算(财政拨款)?支出预算表(\\(?功能科目\\)?)?$']),
  coded('budget-general-basic', '一般公共预算基本支出预算表（经济科目）', 'budget general public budget basic expenditure (by economic class)', ['^一般公共预算(财政拨款)?基本支出预算表(\\(?经济科目\\)?)?$']),
  coded('budget-gov-fund', '政府性基金支出预算表', 'budget government fund expenditure', ['^(财政拨款)?政府性基金(预算)?(财政拨款)?支出预算表$']),
  coded('budget-running', '一般公共预算机关运行经费支出预算表', 'budget administrative running costs', ['^(一般公共预算)?机关运行经费(支出)?预算表$']),
  {
    key: 'budget-three-public',
    name: { zh: '“三公”经费、会议费、培训费支出预算表', en: '“three public”, meeting and training budget' },
    titles: ['^(一般公共预算)?(财政拨款)?三公经费、?会议费、?培训费(支出)?预算表(\\(?一般公共预算\\)?)?$', '^(一般公共预算)?(财政拨款)?三公经费(财政拨款)?支出预算表$'],
    layout: 'listed',
    columns: [
      col('total', '合计', 'total', '^合计'),
      col('three-total', '“三公”经费小计', '“three public” subtotal', '三公经费'),
      col('abroad', '因公出国（境）费', 'official travel abroad', '因公出国'),
      col('vehicle', '公务用车购置及运行维护费', 'official vehicles (subtotal)', '公务用车购置及运行维护费'),
      // Blank where no car is bought: expected only when the row prints one amount more.
      detail('purchase', '公务用车购置费', 'vehicle purchase', '公务用车购置费'),
      col('operation', '公务用车运行维护费', 'vehicle operation and maintenance', '公务用车运行维?护?费?'),
      col('reception', '公务接待费', 'official reception', '公务接待?费?'),
      col('meeting', '会议费', 'meetings', '会议费'),
      col('training', '培训费', 'training', '培训费'),
    ],
  },
  {
    key: 'budget-procurement',
    name: { zh: '政府采购预算表', en: 'government procurement budget' },
    titles: ['^政府采购(支出)?预算表$'],
    layout: 'listed',
    columns: [AMOUNT],
    // Only its 合计 is read: the items are procurement lines, not budget rows.
    rows: { expense: [row('total', '合计', 'total', '^合计$')] },
    partial: true,
  },
];
