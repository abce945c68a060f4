import type { Side, TableKey } from '../model/document.js';
import type { Localized } from '../model/finding.js';
import { functionClassCode, functionClassName } from '../model/function-classes.js';

export interface RowSpec {
  key: string;
  name: Localized;
  match: RegExp;
}

const r = (key: string, zh: string, en: string, match: RegExp): RowSpec => ({ key, name: { zh, en }, match });

/** Item rows of the two summary tables, matched on labels with numbering and spaces removed. */
const INCOME_EXPENSE_INCOME: RowSpec[] = [
  r('fiscal', '财政拨款收入', 'fiscal appropriation income', /^财政拨款收入$/),
  r('fiscal-general', '一般公共预算财政拨款收入', 'general public budget appropriation', /^一般公共预算财政拨款(收入)?$/),
  r('fiscal-fund', '政府性基金预算财政拨款收入', 'government fund appropriation', /^政府性基金预算财政拨款(收入)?$/),
  r('fiscal-capital', '国有资本经营预算财政拨款收入', 'state capital appropriation', /^国有资本经营预算财政拨款(收入)?$/),
  r('superior', '上级补助收入', 'subsidy from superior', /^上级补助收入$/),
  r('business', '事业收入', 'operating-activity income', /^事业收入$/),
  r('operation', '经营收入', 'business income', /^经营收入$/),
  r('affiliated', '附属单位上缴收入', 'remittance from affiliates', /^附属单位上缴收入$/),
  r('other', '其他收入', 'other income', /^其他收入$/),
  r('total-income', '本年收入合计', 'total income of the year', /^本年收入合计$/),
  r('use-surplus', '使用非财政拨款结余', 'use of non-appropriation surplus', /^使用非财政拨款结余/),
  r('opening', '年初结转和结余', 'carried forward at start of year', /^年初结转和结余$/),
  r('grand-total', '总计', 'grand total', /^总计$/),
];

const INCOME_EXPENSE_EXPENSE: RowSpec[] = [
  r('total-expense', '本年支出合计', 'total expenditure of the year', /^本年支出合计$/),
  r('distribution', '结余分配', 'distribution of surplus', /^结余分配$/),
  r('closing', '年末结转和结余', 'carried forward at end of year', /^年末结转和结余$/),
  r('grand-total', '总计', 'grand total', /^总计$/),
];

const FISCAL_INCOME: RowSpec[] = [
  r('general', '一般公共预算财政拨款', 'general public budget appropriation', /^一般公共预算财政拨款(收入)?$/),
  r('fund', '政府性基金预算财政拨款', 'government fund appropriation', /^政府性基金预算财政拨款(收入)?$/),
  r('capital', '国有资本经营预算财政拨款', 'state capital appropriation', /^国有资本经营预算财政拨款(收入)?$/),
  r('total-income', '本年收入合计', 'total income of the year', /^本年收入合计$/),
  r('opening', '年初财政拨款结转和结余', 'appropriation carried forward at start of year', /^年初财政拨款结转和结余$/),
  r('grand-total', '总计', 'grand total', /^总计$/),
];

const FISCAL_EXPENSE: RowSpec[] = [
  r('total-expense', '本年支出合计', 'total expenditure of the year', /^本年支出合计$/),
  r('closing', '年末财政拨款结转和结余', 'appropriation carried forward at end of year', /^年末财政拨款结转和结余$/),
  r('general', '一般公共预算财政拨款', 'general public budget appropriation', /^一般公共预算财政拨款$/),
  r('fund', '政府性基金预算财政拨款', 'government fund appropriation', /^政府性基金预算财政拨款$/),
  r('capital', '国有资本经营预算财政拨款', 'state capital appropriation', /^国有资本经营预算财政拨款$/),
  r('grand-total', '总计', 'grand total', /^总计$/),
];

/** Lines printed after 年初/年末 结转 that break it down by fund: they get a prefixed key. */
const BREAKDOWN_AFTER: Record<string, string> = { opening: 'opening-', closing: 'closing-' };

/**
 * The key of a summary-table row from its printed label, given the previous row key on the same
 * side (a fund line after 年初财政拨款结转和结余 is part of it, not an income line).
 */
export function summaryRowKey(table: TableKey, side: Side, label: string, previous?: string): string | undefined {
  const specs =
    table === 'income-expense'
      ? side === 'income'
        ? INCOME_EXPENSE_INCOME
        : INCOME_EXPENSE_EXPENSE
      : side === 'income'
        ? FISCAL_INCOME
        : FISCAL_EXPENSE;
  if (side === 'expense') {
    const code = functionClassCode(label);
    if (code) return `class-${code}`;
  }
  const spec = specs.find((s) => s.match.test(label));
  if (!spec) return undefined;
  const base = previous?.replace(/^(opening|closing)-.*/, '$1');
  const prefix = base ? BREAKDOWN_AFTER[base] : undefined;
  if (prefix && /^(general|fund|capital)$/.test(spec.key)) return `${prefix}${spec.key}`;
  return spec.key;
}

/** Display name of a summary-table row key. */
export function summaryRowName(key: string): Localized {
  const cls = /^class-(\d{3})$/.exec(key);
  if (cls?.[1]) {
    const name = functionClassName(cls[1]) ?? cls[1];
    return { zh: name, en: `${name} (${cls[1]})` };
  }
  const plain = key.replace(/^(opening|closing)-/, '');
  const all = [...INCOME_EXPENSE_INCOME, ...INCOME_EXPENSE_EXPENSE, ...FISCAL_INCOME, ...FISCAL_EXPENSE];
  const spec = all.find((s) => s.key === plain) ?? all.find((s) => s.key === key);
  return spec ? spec.name : { zh: key, en: key };
}
