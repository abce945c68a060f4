import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { equalIdentity, sumIdentity } from './support/identity.js';
import { columnName, compact, missingRow, need, operand, rowOf, tableName } from './support/tables.js';

const SOURCES: Array<[item: string, column: string]> = [
  ['superior', 'superior'],
  ['business', 'business'],
  ['operation', 'operation'],
  ['affiliated', 'affiliated'],
  ['other', 'other'],
];

/**
 * 收入支出决算总表 income side against the 收入决算表 合计 row: 本年收入合计, 财政拨款收入 (the
 * summary's appropriation lines together) and each other source.
 */
export const crossIncomeSources: Rule = {
  meta: {
    id: 'cross-income-sources',
    title: { zh: '收入支出决算总表与收入决算表一致', en: 'Summary table income agrees with the income table' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['income-expense', 'income'],
    messages: {
      source: {
        zh: '{summary}“{item}”应与{income}合计行“{column}”一致',
        en: '{summary} “{item}” must agree with the {income} total row, column “{column}”',
      },
      fiscal: {
        zh: '{income}合计行“财政拨款收入”应等于{summary}各项财政拨款收入之和',
        en: '{income} total row, appropriation income, must equal the appropriation lines of the {summary}',
      },
    },
  },
  check(doc) {
    const got = need(doc, ['income-expense', 'income']);
    if ('skipped' in got) return got.skipped;
    const ie = got.tables['income-expense'];
    const inc = got.tables.income;
    if (!rowOf(inc, 'total')) return missingRow(inc, 'total');
    const names = { summary: tableName(ie.key), income: tableName(inc.key) };
    const pair = (item: string, column: string): CheckResult | undefined => {
      const row = rowOf(ie, `income:${item}`);
      if (!row && !inc.columns.some((c) => c.key === column)) return undefined;
      return equalIdentity(
        `${item}/${column}`,
        { id: 'source', params: { ...names, item: row?.label.replace(/^[一二三四五六七八九十]+、/, '') ?? item, column: columnName(inc, column) } },
        operand(ie, `income:${item}`, 'amount'),
        operand(inc, 'total', column),
      );
    };
    const fiscalLines = ['fiscal', 'fiscal-general', 'fiscal-fund', 'fiscal-capital'].filter((k) => rowOf(ie, `income:${k}`));
    return compact([
      pair('total-income', 'total'),
      fiscalLines.length > 0 && inc.columns.some((c) => c.key === 'fiscal')
        ? sumIdentity({
            key: 'fiscal/fiscal',
            message: { id: 'fiscal', params: names },
            total: operand(inc, 'total', 'fiscal'),
            items: fiscalLines.map((k) => operand(ie, `income:${k}`, 'amount')),
          })
        : undefined,
      ...SOURCES.map(([item, column]) => pair(item, column)),
    ]);
  },
};
