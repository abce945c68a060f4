import type { FamilyDef, IdentityDef, SectionDef } from '../family.js';

/**
 * The 部门预算 family: the tables of a departmental budget (catalog/budget-tables.ts) and the
 * identities between their cells. A finding's message says in words which identity failed.
 */

const what = (zh: string, en: string) => ({ what: { zh, en } });

const sum = (rule: string, id: string, formula: string, zh: string, en: string, extra: Partial<IdentityDef> = {}): IdentityDef => ({
  rule,
  id,
  message: 'sum',
  formula,
  key: id,
  params: what(zh, en),
  ...extra,
});

const agree = (id: string, formula: string, zh: string, en: string): IdentityDef => ({
  rule: 'budget-cross-tables',
  id,
  message: 'agree',
  formula,
  key: id,
  params: what(zh, en),
});

const S = 'budget-summary';
const I = 'budget-income';
const F = 'budget-fiscal-summary';
const cell = (table: string, row: string, column = 'amount') => `${table}[${row}].${column}`;

const CODED = ['budget-fiscal-expense', 'budget-fiscal-basic', 'budget-general-expense', 'budget-general-basic', 'budget-gov-fund', 'budget-running'];

export const BUDGET_IDENTITIES: IdentityDef[] = [
  // 收支预算总表
  sum('budget-summary-totals', 'summary-fiscal', `${cell(S, 'income:fiscal')} = ${cell(S, 'income:general')} + ${cell(S, 'income:fund')}`, '财政拨款应等于一般公共预算 + 政府性基金预算', 'fiscal appropriation must equal general public budget + government fund budget'),
  sum('budget-summary-totals', 'summary-income', `${cell(S, 'income:subtotal')} = ${cell(S, 'income:fiscal')} + ${cell(S, 'income:special')} + ${cell(S, 'income:other')}`, '当年收入小计应等于财政拨款 + 财政专户管理资金 + 其他资金', 'income of the year must equal appropriation + special account funds + other funds'),
  sum('budget-summary-totals', 'summary-income-total', `${cell(S, 'income:total')} = ${cell(S, 'income:subtotal')} + ${cell(S, 'income:carryover')}`, '收入合计应等于当年收入小计 + 上年结转资金', 'total income must equal income of the year + carry-over'),
  sum('budget-summary-totals', 'summary-classes', `${cell(S, 'expense:subtotal')} = sum(${S}[side=expense & level=class].amount)`, '当年支出小计应等于各功能分类支出之和', 'expenditure of the year must equal the sum of the function classes'),
  sum('budget-summary-totals', 'summary-uses', `${cell(S, 'expense:subtotal')} = ${cell(S, 'expense:basic')} + ${cell(S, 'expense:project')} + ${cell(S, 'expense:reserve')}`, '当年支出小计应等于基本支出 + 项目支出 + 单位预留机动经费', 'expenditure of the year must equal basic + project + contingency reserve'),
  sum('budget-summary-totals', 'summary-expense-total', `${cell(S, 'expense:total')} = ${cell(S, 'expense:subtotal')} + ${cell(S, 'expense:carry-next')}`, '支出合计应等于当年支出小计 + 结转下年资金', 'total expenditure must equal expenditure of the year + carry-over to next year'),
  sum('budget-summary-totals', 'summary-balance', `${cell(S, 'income:total')} = ${cell(S, 'expense:total')}`, '收入合计应等于支出合计', 'total income must equal total expenditure'),
  // 收入预算总表: 收入总计 = Σ 小计, each 小计 = Σ its items.
  sum('budget-summary-totals', 'income-total', `${cell(I, 'income:grand-total')} = ${['general', 'fund', 'special', 'other', 'carryover'].map((g) => cell(I, `income:${g}-total`)).join(' + ')}`, '收入总计应等于各类资金小计之和', 'total income must equal the sum of the subtotals of each kind of funds'),
  sum('budget-summary-totals', 'income-general', `${cell(I, 'income:general-total')} = ${cell(I, 'income:general-fiscal')} + ${cell(I, 'income:general-special')}`, '一般公共预算资金小计应等于公共财政拨款(补助)资金 + 专项收入', 'general public budget subtotal must equal appropriation + earmarked revenue'),
  sum('budget-summary-totals', 'income-special', `${cell(I, 'income:special-total')} = ${cell(I, 'income:special-education')} + ${cell(I, 'income:special-other')}`, '财政专户管理资金小计应等于专户管理教育收费 + 其他非税收入', 'special account subtotal must equal education fees + other non-tax revenue'),
  sum('budget-summary-totals', 'income-other', `${cell(I, 'income:other-total')} = ${['business', 'operation', 'other-income', 'debt'].map((r) => cell(I, `income:${r}`)).join(' + ')}`, '其他资金小计应等于事业收入 + 经营收入 + 其他收入 + 债务资金', 'other funds subtotal must equal operating-activity + business + other income + debt'),
  // 支出预算总表
  sum('budget-summary-totals', 'expense-uses', 'budget-expense[total].total = budget-expense[total].basic + budget-expense[total].project + budget-expense[total].reserve', '合计应等于基本支出 + 项目支出 + 单位预留机动经费', 'total must equal basic + project + contingency reserve'),
  // 财政拨款收支预算总表
  sum('budget-fiscal-totals', 'income', `${cell(F, 'income:total')} = ${cell(F, 'income:general')} + ${cell(F, 'income:fund')}`, '收入合计应等于一般公共预算 + 政府性基金预算', 'total income must equal general public budget + government fund budget'),
  sum('budget-fiscal-totals', 'expense', `${cell(F, 'expense:total')} = ${cell(F, 'expense:basic')} + ${cell(F, 'expense:project')} + ${cell(F, 'expense:reserve')}`, '支出合计应等于基本支出 + 项目支出 + 单位预留机动经费', 'total expenditure must equal basic + project + contingency reserve'),
  sum('budget-fiscal-totals', 'balance', `${cell(F, 'income:total')} = ${cell(F, 'expense:total')}`, '收入合计应等于支出合计', 'total income must equal total expenditure'),
  // 科目 tables: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项.
  ...CODED.map(
    (t): IdentityDef => ({
      rule: 'budget-rollup',
      id: `rollup-${t}`,
      message: 'sum',
      formula: `${t}[$r].amount = sum(${t}[children($r)].amount) for $r in rows(${t})`,
      key: `${t}/{$r}`,
      params: what('上级科目应等于其下级科目之和', 'each line must equal the sum of the lines below it'),
    }),
  ),
  // “三公”经费、会议费、培训费
  sum('budget-three-public-sum', 'total', 'budget-three-public[total].total = budget-three-public[total].three-total + budget-three-public[total].meeting + budget-three-public[total].training', '合计应等于“三公”经费 + 会议费 + 培训费', 'total must equal “three public” + meetings + training'),
  sum('budget-three-public-sum', 'three', 'budget-three-public[total].three-total = budget-three-public[total].abroad + budget-three-public[total].vehicle + budget-three-public[total].reception', '“三公”经费应等于因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费', '“three public” must equal travel abroad + official vehicles + reception'),
  sum('budget-three-public-sum', 'vehicle', 'budget-three-public[total].vehicle = budget-three-public[total].purchase + budget-three-public[total].operation', '公务用车购置及运行维护费应等于购置费 + 运行维护费', 'official vehicles must equal purchase + operation and maintenance'),
  // Across tables
  agree('income-summary', `${cell(I, 'income:grand-total')} = ${cell(S, 'income:total')}`, '收入预算总表“收入总计”应等于收支预算总表“收入合计”', 'the income summary total must equal the summary table total income'),
  agree('expense-summary', `budget-expense[total].total = ${cell(S, 'expense:subtotal')}`, '支出预算总表“合计”应等于收支预算总表“当年支出小计”', 'the expenditure summary total must equal the summary table expenditure of the year'),
  ...(['basic', 'project', 'reserve'] as const).map((u) =>
    agree(`expense-${u}`, `budget-expense[total].${u} = ${cell(S, `expense:${u}`)}`, `支出预算总表与收支预算总表的${{ basic: '基本支出', project: '项目支出', reserve: '单位预留机动经费' }[u]}应一致`, `the expenditure summary and the summary table must agree on ${{ basic: 'basic expenditure', project: 'project expenditure', reserve: 'the contingency reserve' }[u]}`),
  ),
  agree('fiscal-summary', `${cell(F, 'income:total')} = ${cell(S, 'income:fiscal')}`, '财政拨款收支预算总表“收入合计”应等于收支预算总表“财政拨款”', 'the fiscal summary total must equal the summary table appropriation'),
  agree('fiscal-general', `${cell(F, 'income:general')} = ${cell(S, 'income:general')}`, '财政拨款收支预算总表与收支预算总表的“一般公共预算”应一致', 'the fiscal summary and the summary table must agree on the general public budget'),
  agree('fiscal-expense', `budget-fiscal-expense[total].amount = ${cell(F, 'expense:total')}`, '财政拨款支出预算表“合计”应等于财政拨款收支预算总表“支出合计”', 'the fiscal expenditure table total must equal the fiscal summary total expenditure'),
  agree('fiscal-basic', `budget-fiscal-basic[total].amount = ${cell(F, 'expense:basic')}`, '财政拨款基本支出预算表“合计”应等于财政拨款收支预算总表“基本支出”', 'the fiscal basic expenditure table total must equal the fiscal summary basic expenditure'),
  agree('general-expense', `budget-general-expense[total].amount = ${cell(F, 'income:general')}`, '一般公共预算支出预算表“合计”应等于财政拨款收支预算总表“一般公共预算”', 'the general public budget expenditure table total must equal the fiscal summary general public budget'),
  agree('gov-fund', `budget-gov-fund[total].amount = ${cell(F, 'income:fund')}`, '政府性基金支出预算表“合计”应等于财政拨款收支预算总表“政府性基金预算”', 'the government fund expenditure table total must equal the fiscal summary government fund budget'),
  {
    rule: 'budget-cross-tables',
    id: 'general-basic',
    message: 'agree',
    formula: `budget-general-basic[total].amount <= budget-fiscal-basic[total].amount`,
    key: 'general-basic',
    params: what('一般公共预算基本支出预算表“合计”不应超过财政拨款基本支出预算表“合计”', 'the general public budget basic expenditure may not exceed the fiscal basic expenditure'),
  },
];

/** The sections of a 部门预算 narrative (the 江苏 部门预算说明 and the MoF template alike). */
export const BUDGET_SECTIONS: SectionDef[] = [
  { key: 'overview', name: { zh: '收支预算总体情况', en: 'overview of the budget' }, patterns: ['收支预算总体情况|收支预算总额|收支预算总计|支出预算总计|收入总计|收支总预算'] },
  { key: 'three-public', name: { zh: '“三公”经费预算情况说明', en: '“three public” budget' }, patterns: ['三公'] },
  { key: 'glossary', name: { zh: '名词解释', en: 'glossary of terms' }, patterns: ['名词解释'] },
];

export const BUDGET_FAMILY: FamilyDef = {
  id: 'budget',
  name: { zh: '部门预算', en: 'departmental budget' },
  kind: 'budget',
  tables: [
    { key: 'budget-summary' },
    { key: 'budget-income' },
    { key: 'budget-expense' },
    { key: 'budget-fiscal-summary' },
    { key: 'budget-fiscal-expense', optional: true },
    { key: 'budget-fiscal-basic', optional: true },
    { key: 'budget-general-expense' },
    { key: 'budget-general-basic' },
    { key: 'budget-gov-fund' },
    { key: 'budget-three-public' },
    { key: 'budget-running', optional: true },
    { key: 'budget-procurement', optional: true },
  ],
  identities: BUDGET_IDENTITIES,
  sections: BUDGET_SECTIONS,
  // A budget says so on its cover or in its titles; a 决算 mentions 预算 everywhere (年初预算), so
  // a cover that says 部门决算 or 单位决算 is never a budget's.
  detect: { cover: ['^(?![\\s\\S]*(部门|单位)决算)[\\s\\S]*(部门预算|单位预算|预算公开|预算总表)'] },
};
