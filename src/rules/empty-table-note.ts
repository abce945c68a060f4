import type { CheckResult } from '../model/finding.js';
import type { TableKey } from '../model/document.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { tableName } from './support/tables.js';

/** The fund each table that may be published empty is about, and the other funds' names. */
const FUNDS: Partial<Record<TableKey, { own: RegExp; others: RegExp }>> = {
  'gov-fund': { own: /政府性基金/, others: /国有资本经营|三公/ },
  'state-capital': { own: /国有资本经营/, others: /政府性基金|三公/ },
  'three-public': { own: /三公/, others: /政府性基金|国有资本经营/ },
};

/** A note that says there is no data: 没有/无…支出/收入, 本表无数据, 为空表. */
const NO_DATA = /没有|无.{0,30}(支出|收入|数据|经费)|本表为空|空表/;

/**
 * An empty table (政府性基金, 国有资本经营, sometimes 三公) is published with a note saying the
 * department had no such money; the note must name the table's own fund. A note copied from
 * another table (the Zhuzhou 政府性基金 table carries the 国有资本经营 sentence) is an error.
 */
export const emptyTableNote: Rule = {
  meta: {
    id: 'empty-table-note',
    title: { zh: '空表说明与表格相符', en: 'Notes under empty tables name their own fund' },
    severity: 'error',
    tags: ['completeness', 'narrative'],
    tables: [],
    messages: {
      wrong: { zh: '{table}无数据，但表下说明“{note}”说的是另一类资金', en: 'The {table} is empty, but its note “{note}” is about another fund' },
      missing: { zh: '{table}无数据，表下没有说明无此类收支的文字', en: 'The {table} is empty and carries no note saying there was no such money' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const [key, funds] of Object.entries(FUNDS) as Array<[TableKey, { own: RegExp; others: RegExp }]>) {
      const table = doc.tables[key];
      if (!table?.empty) continue;
      const statements = table.notes.filter((n) => NO_DATA.test(n.text) && !/^注[:：]?本表反映/.test(n.text));
      if (statements.length === 0) {
        results.push(defect(`${key}/missing`, { id: 'missing', params: { table: tableName(key) } }, [table.titleLoc], { severity: 'warning' }));
        continue;
      }
      for (const [i, note] of statements.entries()) {
        if (!funds.own.test(note.text) && funds.others.test(note.text)) {
          results.push({
            ...defect(`${key}/wrong/${i}`, { id: 'wrong', params: { table: tableName(key), note: note.text } }, [note.loc]),
            sentence: { text: note.text, loc: note.loc },
          });
        }
      }
    }
    return results;
  },
};
