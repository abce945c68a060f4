import type { Rule } from './types.js';
import { equalIdentity } from './support/identity.js';
import { compact, need, operand, rowOf, tableName } from './support/tables.js';

const LINES = [
  ['fiscal-general', 'general', { zh: '一般公共预算财政拨款收入', en: 'general public budget appropriation' }],
  ['fiscal-fund', 'fund', { zh: '政府性基金预算财政拨款收入', en: 'government fund appropriation' }],
  ['fiscal-capital', 'capital', { zh: '国有资本经营预算财政拨款收入', en: 'state capital appropriation' }],
] as const;

/** 收入支出决算总表 appropriation income lines = 财政拨款收入支出决算总表 income lines. */
export const crossIncomeFiscal: Rule = {
  meta: {
    id: 'cross-income-fiscal',
    title: { zh: '两张总表的财政拨款收入一致', en: 'Appropriation income agrees between the two summary tables' },
    severity: 'error',
    tags: ['cross-table'],
    tables: ['income-expense', 'fiscal-income-expense'],
    messages: {
      line: { zh: '{summary}“{item}”应与{fiscal}本年收入中的同项一致', en: '{summary} “{item}” must agree with the same line of the {fiscal}' },
      total: { zh: '{summary}“财政拨款收入”应与{fiscal}“本年收入合计”一致', en: '{summary} appropriation income must agree with the {fiscal} income of the year' },
    },
  },
  check(doc) {
    const got = need(doc, ['income-expense', 'fiscal-income-expense']);
    if ('skipped' in got) return got.skipped;
    const ie = got.tables['income-expense'];
    const fis = got.tables['fiscal-income-expense'];
    const names = { summary: tableName(ie.key), fiscal: tableName(fis.key) };
    if (rowOf(ie, 'income:fiscal')) {
      return compact([equalIdentity('fiscal', { id: 'total', params: names }, operand(ie, 'income:fiscal', 'amount'), operand(fis, 'income:total-income', 'amount'))]);
    }
    return compact(
      LINES.map(([line, fund, item]) =>
        rowOf(ie, `income:${line}`) || rowOf(fis, `income:${fund}`)
          ? equalIdentity(line, { id: 'line', params: { ...names, item } }, operand(ie, `income:${line}`, 'amount'), operand(fis, `income:${fund}`, 'amount'))
          : undefined,
      ),
    );
  },
};
