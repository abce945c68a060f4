import { TABLE_KEYS } from '../../model/document.js';
import type { FamilyDef, IdentityDef, SectionDef } from '../family.js';
import { BUDGET_FAMILY } from './budget-family.js';

/**
 * The built-in families and their identities, written in the formula language (docs/formulas.md).
 * `$r` ranges over rows, `$c` over columns; a finding's key is the identity's `key` with the bound
 * row and column filled in, so baselines keep matching across versions.
 */

const id = (rule: string, identity: string, message: string, formula: string, extra: Partial<IdentityDef> = {}): IdentityDef => ({
  rule,
  id: identity,
  message,
  formula,
  ...extra,
});

/** Per row: a total column equals the sum of its part columns (those the table prints). */
const rowSum = (rule: string, table: string, total: string, parts: readonly string[]): IdentityDef =>
  id(rule, 'row-sum', 'rowSum', `${table}[$r].${total} = ${parts.map((p) => `${table}[$r].${p}`).join(' + ')} for $r in rows(${table})`, {
    key: `${table}/{$r}/${total}`,
  });

/** 类/款/项 roll-ups of a coded table, per amount column: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项. */
const rollup = (rule: string, table: string): IdentityDef =>
  id(rule, 'rollup', 'rollup', `${table}[$r].$c = sum(${table}[children($r)].$c) for $r in rows(${table}), $c in columns(${table})`, {
    key: `${table}/{$r}/{$c}`,
  });

/** Per row of a fund table: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (all four printed). */
const fundBalance = (rule: string, table: string): IdentityDef =>
  id(
    rule,
    'balance',
    'balance',
    `${table}[$r].closing = ${table}[$r].opening + ${table}[$r].income - ${table}[$r].total for $r in rows(${table}) if present(${table}[$r].opening) and present(${table}[$r].income) and present(${table}[$r].total)`,
    { key: `${table}/{$r}/closing` },
  );

const FUNDS = [
  ['general', '一般公共预算财政拨款', 'general public budget'],
  ['fund', '政府性基金预算财政拨款', 'government fund budget'],
  ['capital', '国有资本经营预算财政拨款', 'state capital budget'],
] as const;

/** One appropriation column of the 财政拨款总表 against the table that details it: 合计 and each 类. */
const fiscalColumn = (rule: string, column: string, detail: string, fund: { zh: string; en: string }): IdentityDef[] => [
  id(rule, 'total', 'total', `fiscal-income-expense[expense:total-expense].${column} = ${detail}[total].total`, { key: 'total', params: { fund, fiscal: { table: 'fiscal-income-expense' }, detail: { table: detail } } }),
  id(
    rule,
    'class',
    'class',
    `fiscal-income-expense[$r].${column} = ${detail}[$r].total for $r in rows(fiscal-income-expense, side=expense & level=class) | rows(${detail}, level=class)`,
    { key: 'class-{$r.id}', params: { fund, fiscal: { table: 'fiscal-income-expense' }, detail: { table: detail } } },
  ),
];

const SOURCES = { summary: { table: 'income-expense' }, income: { table: 'income' } };
const FISCAL_PAIR = { summary: { table: 'income-expense' }, fiscal: { table: 'fiscal-income-expense' } };
const CLASSES = { summary: { table: 'income-expense' }, expense: { table: 'expense' } };
const THREE = { basic: { table: 'general-budget-basic' }, three: { table: 'three-public' } };

const INCOME_ITEMS = '{income:fiscal, income:fiscal-general, income:fiscal-fund, income:fiscal-capital, income:superior, income:business, income:operation, income:affiliated, income:other}';

const THREE_PUBLIC_LINES: Array<[code: string, name: string, item: string, label: string]> = [
  ['30212', '因公出国（境）费用', 'abroad', '因公出国（境）费'],
  ['30217', '公务接待费', 'reception', '公务接待费'],
  ['30231', '公务用车运行维护费', 'operation', '公务用车运行维护费'],
  ['31013', '公务用车购置', 'purchase', '公务用车购置费'],
];

/** The identities of the MoF nine-table 部门决算 (and of 单位决算, which has the same tables). */
export const FINAL_IDENTITIES: IdentityDef[] = [
  // 收入支出决算总表
  id('income-expense-totals', 'income', 'income', `income-expense[income:total-income].amount = sum(income-expense[${INCOME_ITEMS}].amount)`, { key: 'income:total-income' }),
  id('income-expense-totals', 'expense', 'expense', 'income-expense[expense:total-expense].amount = sum(income-expense[side=expense & level=class].amount)', {
    key: 'expense:total-expense',
  }),
  id(
    'income-expense-grand-totals',
    'income',
    'income',
    'income-expense[income:grand-total].amount = income-expense[income:total-income].amount + income-expense[income:use-surplus].amount + income-expense[income:opening].amount',
    { key: 'income:grand-total' },
  ),
  id(
    'income-expense-grand-totals',
    'expense',
    'expense',
    'income-expense[expense:grand-total].amount = income-expense[expense:total-expense].amount + income-expense[expense:distribution].amount + income-expense[expense:closing].amount',
    { key: 'expense:grand-total' },
  ),
  id('income-expense-balance', 'balance', 'balance', 'income-expense[income:grand-total].amount = income-expense[expense:grand-total].amount', { key: 'grand-total' }),
  // 收入决算表, 支出决算表
  rowSum('income-row-sum', 'income', 'total', ['fiscal', 'superior', 'business', 'operation', 'affiliated', 'other']),
  rollup('income-rollup', 'income'),
  rowSum('expense-row-sum', 'expense', 'total', ['basic', 'project', 'remit', 'operation', 'subsidy']),
  rollup('expense-rollup', 'expense'),
  // 财政拨款收入支出决算总表
  id('fiscal-row-sum', 'row-sum', 'rowSum', 'fiscal-income-expense[$r].total = fiscal-income-expense[$r].general + fiscal-income-expense[$r].fund + fiscal-income-expense[$r].capital for $r in rows(fiscal-income-expense, side=expense)', {
    key: '{$r}/total',
  }),
  id(
    'fiscal-totals',
    'income',
    'income',
    'fiscal-income-expense[income:total-income].amount = fiscal-income-expense[income:general].amount + fiscal-income-expense[income:fund].amount + fiscal-income-expense[income:capital].amount',
    { key: 'income:total-income' },
  ),
  id(
    'fiscal-totals',
    'opening',
    'opening',
    'fiscal-income-expense[income:opening].amount = fiscal-income-expense[income:opening-general].amount + fiscal-income-expense[income:opening-fund].amount + fiscal-income-expense[income:opening-capital].amount if present(fiscal-income-expense[income:opening-general].amount) or present(fiscal-income-expense[income:opening-fund].amount) or present(fiscal-income-expense[income:opening-capital].amount)',
    { key: 'income:opening' },
  ),
  id(
    'fiscal-totals',
    'income-grand',
    'incomeGrand',
    'fiscal-income-expense[income:grand-total].amount = fiscal-income-expense[income:total-income].amount + fiscal-income-expense[income:opening].amount',
    { key: 'income:grand-total' },
  ),
  id(
    'fiscal-totals',
    'closing',
    'closing',
    'fiscal-income-expense[expense:closing].total = fiscal-income-expense[expense:closing-general].total + fiscal-income-expense[expense:closing-fund].total + fiscal-income-expense[expense:closing-capital].total if present(fiscal-income-expense[expense:closing-general].total) or present(fiscal-income-expense[expense:closing-fund].total) or present(fiscal-income-expense[expense:closing-capital].total)',
    { key: 'expense:closing' },
  ),
  id(
    'fiscal-totals',
    'expense',
    'expense',
    'fiscal-income-expense[expense:total-expense].$c = sum(fiscal-income-expense[side=expense & level=class].$c) for $c in columns(fiscal-income-expense)',
    { key: 'expense:total-expense/{$c}' },
  ),
  id(
    'fiscal-totals',
    'expense-grand',
    'expenseGrand',
    'fiscal-income-expense[expense:grand-total].$c = fiscal-income-expense[expense:total-expense].$c + fiscal-income-expense[expense:closing].$c for $c in columns(fiscal-income-expense)',
    { key: 'expense:grand-total/{$c}' },
  ),
  id('fiscal-balance', 'balance', 'balance', 'fiscal-income-expense[income:grand-total].amount = fiscal-income-expense[expense:grand-total].total', { key: 'grand-total' }),
  // Per fund, when 年初结转 is broken down by fund (older layouts print only its total).
  ...FUNDS.map(([fund, zh, en]) =>
    id(
      'fiscal-balance',
      `fund-${fund}`,
      'fund',
      `fiscal-income-expense[income:${fund}].amount = fiscal-income-expense[expense:total-expense].${fund} + fiscal-income-expense[expense:closing].${fund} - fiscal-income-expense[income:opening-${fund}].amount if present(fiscal-income-expense[income:opening-general].amount) or present(fiscal-income-expense[income:opening-fund].amount) or present(fiscal-income-expense[income:opening-capital].amount)`,
      { key: `fund/${fund}`, params: { fund: { zh, en } } },
    ),
  ),
  // 一般公共预算财政拨款支出决算表, 基本支出决算表
  rowSum('general-budget-row-sum', 'general-budget-expense', 'total', ['basic', 'project']),
  rollup('general-budget-rollup', 'general-budget-expense'),
  id('basic-rollup', 'rollup', 'rollup', 'general-budget-basic[$r].amount = sum(general-budget-basic[children($r)].amount) for $r in rows(general-budget-basic, level=class)', {
    key: '{$r}/amount',
  }),
  id('basic-totals', 'personnel', 'personnel', 'general-budget-basic[personnel-total].amount = sum(general-budget-basic[group(personnel)].amount)', { key: 'personnel-total' }),
  id('basic-totals', 'public', 'public', 'general-budget-basic[public-total].amount = sum(general-budget-basic[group(public)].amount)', { key: 'public-total' }),
  id(
    'basic-totals',
    'total',
    'total',
    'general-budget-basic[total].amount = general-budget-basic[personnel-total].amount + general-budget-basic[public-total].amount if present(general-budget-basic[total].amount)',
    { key: 'total' },
  ),
  // 政府性基金, 国有资本经营
  rowSum('gov-fund-row-sum', 'gov-fund', 'total', ['basic', 'project']),
  rollup('gov-fund-rollup', 'gov-fund'),
  fundBalance('gov-fund-balance', 'gov-fund'),
  rowSum('state-capital-row-sum', 'state-capital', 'total', ['basic', 'project']),
  rollup('state-capital-rollup', 'state-capital'),
  fundBalance('state-capital-balance', 'state-capital'),
  // 三公: 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行维护, for 预算数 and 决算数.
  ...(['budget', 'actual'] as const).flatMap((kind) => {
    const t = (item: string) => `three-public[three-public].${kind}-${item}`;
    const params = { kind: kind === 'budget' ? { zh: '预算数', en: 'budget' } : { zh: '决算数', en: 'actual' } };
    return [
      id('three-public-sum', `${kind}-total`, 'total', `${t('total')} = ${t('abroad')} + ${t('vehicle')} + ${t('reception')}`, { key: `${kind}-total`, params, complete: true }),
      id('three-public-sum', `${kind}-vehicle`, 'vehicle', `${t('vehicle')} = ${t('purchase')} + ${t('operation')}`, { key: `${kind}-vehicle`, params, complete: true }),
    ];
  }),
  // Across tables
  id('cross-income-sources', 'total', 'source', 'income-expense[income:total-income].amount = income[total].total', { key: 'total-income/total', params: SOURCES }),
  id('cross-income-sources', 'fiscal', 'fiscal', 'income[total].fiscal = sum(income-expense[{income:fiscal, income:fiscal-general, income:fiscal-fund, income:fiscal-capital}].amount)', {
    key: 'fiscal/fiscal',
    params: SOURCES,
  }),
  ...['superior', 'business', 'operation', 'affiliated', 'other'].map((item) =>
    id(
      'cross-income-sources',
      item,
      'source',
      `income-expense[income:${item}].amount = income[total].${item} if present(income-expense[income:${item}].amount) or present(income[total].${item})`,
      { key: `${item}/${item}`, params: SOURCES },
    ),
  ),
  id('cross-income-fiscal', 'total', 'total', 'income-expense[income:fiscal].amount = fiscal-income-expense[income:total-income].amount if present(income-expense[income:fiscal].amount)', {
    key: 'fiscal',
    params: FISCAL_PAIR,
  }),
  ...FUNDS.map(([fund, zh, en]) =>
    id(
      'cross-income-fiscal',
      `line-${fund}`,
      'line',
      `income-expense[income:fiscal-${fund}].amount = fiscal-income-expense[income:${fund}].amount if absent(income-expense[income:fiscal].amount) and (present(income-expense[income:fiscal-${fund}].amount) or present(fiscal-income-expense[income:${fund}].amount))`,
      { key: `fiscal-${fund}`, params: { ...FISCAL_PAIR, item: { zh: `${zh}收入`, en } } },
    ),
  ),
  id('cross-expense-classes', 'total', 'total', 'income-expense[expense:total-expense].amount = expense[total].total if present(expense[total].total)', { key: 'total', params: CLASSES }),
  id(
    'cross-expense-classes',
    'class',
    'class',
    'income-expense[$r].amount = expense[$r].total for $r in rows(income-expense, side=expense & level=class) | rows(expense, level=class)',
    { key: 'class-{$r.id}', params: CLASSES },
  ),
  ...fiscalColumn('cross-fiscal-general', 'general', 'general-budget-expense', { zh: '一般公共预算财政拨款', en: 'the general public budget' }),
  ...fiscalColumn('cross-fiscal-gov-fund', 'fund', 'gov-fund', { zh: '政府性基金预算财政拨款', en: 'the government fund budget' }),
  ...fiscalColumn('cross-fiscal-state-capital', 'capital', 'state-capital', { zh: '国有资本经营预算财政拨款', en: 'the state capital budget' }),
  id('cross-basic-total', 'basic', 'basic', 'general-budget-expense[total].basic = general-budget-basic[personnel-total].amount + general-budget-basic[public-total].amount', {
    key: 'basic',
    params: { general: { table: 'general-budget-expense' }, basic: { table: 'general-budget-basic' } },
  }),
  ...THREE_PUBLIC_LINES.map(([code, name, item, label]) =>
    id(
      'cross-three-public-basic',
      `${code}`,
      'line',
      `general-budget-basic[${code}].amount <= three-public[three-public].actual-${item} if present(general-budget-basic[${code}].amount) and present(three-public[three-public].actual-${item})`,
      { key: `${code}/${item}`, params: { ...THREE, code: { zh: code, en: code }, name: { zh: name, en: name }, item: { zh: label, en: label } } },
    ),
  ),
  // Without the vehicle split, 30231 may not exceed the vehicle subtotal less 31013.
  id(
    'cross-three-public-basic',
    '30231-vehicle',
    'vehicle',
    'general-budget-basic[30231].amount <= three-public[three-public].actual-vehicle - general-budget-basic[31013].amount if (absent(three-public[three-public].actual-operation) or absent(three-public[three-public].actual-purchase)) and present(three-public[three-public].actual-vehicle) and present(general-budget-basic[30231].amount)',
    { key: '30231/vehicle', params: THREE },
  ),
];

/** The sections the publication rules require in a 部门决算 narrative (details only where spending exists). */
export const FINAL_SECTIONS: SectionDef[] = [
  { key: 'overview', name: { zh: '收入支出决算总体情况说明', en: 'overview of income and expenditure' }, patterns: ['收入支出决算总体情况|收、?支总计|收入支出总计'] },
  { key: 'three-public', name: { zh: '“三公”经费支出情况说明', en: 'explanation of “three public” spending' }, patterns: ['三公'] },
  {
    key: 'three-public-abroad',
    name: { zh: '因公出国（境）团组及人次', en: 'groups and trips abroad' },
    patterns: ['团组.{0,12}(个|人次)|出国.{0,20}(人次|团组)'],
    requiredIf: 'three-public[three-public].actual-abroad',
  },
  {
    key: 'three-public-vehicles',
    name: { zh: '公务用车保有量', en: 'official vehicles kept' },
    patterns: ['(车辆|保有量|公务用车).{0,20}\\d+辆'],
    requiredIf: 'three-public[three-public].actual-vehicle',
  },
  {
    key: 'three-public-reception',
    name: { zh: '公务接待团组及人次', en: 'reception groups and visitors' },
    patterns: ['接待.{0,20}(团组|批次|人次)'],
    requiredIf: 'three-public[three-public].actual-reception',
  },
  { key: 'running-costs', name: { zh: '机关运行经费支出说明', en: 'administrative running costs' }, patterns: ['机关运行经费'] },
  { key: 'procurement', name: { zh: '政府采购支出说明', en: 'government procurement' }, patterns: ['政府采购'] },
  { key: 'assets', name: { zh: '国有资产占用情况说明', en: 'state-owned assets' }, patterns: ['国有资产占用|车辆\\d*辆|共有车辆'] },
  { key: 'glossary', name: { zh: '名词解释', en: 'glossary of terms' }, patterns: ['名词解释'] },
];

/**
 * Central 高校 four-table 决算: the summary, income and expenditure tables of the nine-table set
 * (same identities where they apply) and a 财政拨款支出决算表 of all appropriations, which may not
 * exceed the expenditure table row by row.
 */
export const UNIVERSITY_IDENTITIES: IdentityDef[] = [
  ...FINAL_IDENTITIES.filter((i) =>
    ['income-expense-totals', 'income-expense-grand-totals', 'income-expense-balance', 'income-row-sum', 'income-rollup', 'expense-row-sum', 'expense-rollup', 'cross-income-sources', 'cross-expense-classes'].includes(i.rule),
  ),
  rowSum('fiscal-expense-row-sum', 'fiscal-expense', 'total', ['basic', 'project']),
  rollup('fiscal-expense-rollup', 'fiscal-expense'),
  id('cross-fiscal-expense', 'part', 'part', 'fiscal-expense[$r].$c <= expense[$r].$c for $r in rows(fiscal-expense), $c in {total, basic, project}', {
    key: '{$r}/{$c}',
    params: { fiscal: { table: 'fiscal-expense' }, expense: { table: 'expense' } },
  }),
];

export const UNIVERSITY_SECTIONS: SectionDef[] = [
  { key: 'overview', name: { zh: '收支决算总表说明', en: 'explanation of the income and expenditure summary' }, patterns: ['收支决算总表说明|收入总计|支出总计'] },
  { key: 'income', name: { zh: '收入决算表说明', en: 'explanation of the income table' }, patterns: ['收入决算表说明|收入.{0,20}占'] },
  { key: 'expense', name: { zh: '支出决算表说明', en: 'explanation of the expenditure table' }, patterns: ['支出决算表说明|支出.{0,20}占'] },
  { key: 'glossary', name: { zh: '名词解释', en: 'glossary of terms' }, patterns: ['名词解释'] },
];

const NINE_TABLES = TABLE_KEYS.map((key) => ({ key }));

/**
 * The built-in families. A document's family is the one whose tables it holds best (see
 * templates/detect.ts); ties go to the first listed.
 */
export const FAMILIES: readonly FamilyDef[] = [
  {
    id: 'mof-final',
    name: { zh: '部门决算（九张表）', en: 'departmental final accounts (nine tables)' },
    kind: 'final',
    tables: NINE_TABLES,
    identities: FINAL_IDENTITIES,
    sections: FINAL_SECTIONS,
  },
  {
    // Before the 国有资本经营 table was added, 部门决算 had eight tables.
    id: 'mof-final-8',
    name: { zh: '部门决算（八张表，早年格式）', en: 'departmental final accounts (eight tables, earlier years)' },
    kind: 'final',
    tables: NINE_TABLES.filter((t) => t.key !== 'state-capital'),
    identities: FINAL_IDENTITIES.filter((i) => !/state-capital/.test(i.rule)),
    sections: FINAL_SECTIONS,
    detect: { maxYear: 2018 },
  },
  {
    id: 'unit-final',
    name: { zh: '单位决算', en: 'unit final accounts' },
    kind: 'final',
    tables: NINE_TABLES,
    identities: FINAL_IDENTITIES,
    sections: FINAL_SECTIONS,
    detect: { cover: ['单位决算'] },
  },
  {
    id: 'university-final',
    name: { zh: '高校部门决算（四张表）', en: 'university final accounts (four tables)' },
    kind: 'final',
    tables: [{ key: 'income-expense' }, { key: 'income' }, { key: 'expense' }, { key: 'fiscal-expense' }],
    identities: UNIVERSITY_IDENTITIES,
    sections: UNIVERSITY_SECTIONS,
  },
  BUDGET_FAMILY,
];
