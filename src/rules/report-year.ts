import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect, skipped } from './support/identity.js';
import { documentStart } from './support/tables.js';
import { quoteKey } from './support/quote.js';
import { locAt, sentences } from '../narrative/text.js';
import { claimsOf } from '../narrative/claims/index.js';

/**
 * Phrases that state the reporting period: 截至/截止 YYYY年12月31日, YYYY年度部门决算(情况说明),
 * and a sentence opening with YYYY年度 followed by the accounts (收支总计, 财政拨款, 政府采购,
 * 机关运行经费, “三公”…). Years in comparisons (与2023年度相比, 比上年, 2022年结转) are not periods.
 */
const PERIOD: RegExp[] = [
  /截(至|止)(至)?(20\d{2})年12月31日/g,
  /(20\d{2})年度?部门决算/g,
  /^(?:[^，,。]{0,30}?)(20\d{2})年度(?=收|支|财政拨款|一般公共预算|政府采购|机关运行经费|“?三公|预算绩效|部门决算|整体支出|会议费|培训费)/g,
];

/** Every pattern of PERIOD names a year: a sentence without one is not read further. */
const ANY_YEAR = /20\d{2}年/;

/** Every year stated as the reporting period is the document's year. */
export const reportYear: Rule = {
  meta: {
    id: 'report-year',
    title: { zh: '报告期年份与文档年度一致', en: 'The reporting period is the document’s year' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      year: { zh: '“{text}”写的是 {found} 年，本文档为 {year} 年度决算', en: '“{text}” says {found}; this is the {year} final account' },
    },
  },
  check(doc) {
    const year = doc.year?.value;
    if (year === undefined) {
      const reason = { zh: '未能从文档中读出决算年度', en: 'the year of the account could not be read' };
      return [skipped('unknown', { id: 'title', params: {} }, reason, [documentStart(doc)])];
    }
    const results: CheckResult[] = [];
    const all = claimsOf(doc).sentences.length > 0 ? claimsOf(doc).sentences : sentences(doc.narrative);
    for (const s of all) {
      if (!ANY_YEAR.test(s.text)) continue;
      const reported = new Set<number>();
      for (const re of PERIOD) {
        for (const m of s.text.matchAll(re)) {
          const found = Number(m[3] ?? m[1]);
          if (!Number.isFinite(found) || found === year) continue;
          const at = (m.index ?? 0) + m[0].indexOf(String(found));
          if (reported.has(at)) continue;
          reported.add(at);
          const loc = locAt(s, at);
          results.push(
            defect(quoteKey(s.text, at, String(found).length), { id: 'year', params: { text: m[0], found: String(found), year: String(year) } }, [loc], { expected: String(year), actual: String(found) }),
          );
        }
      }
    }
    // Titles of the tables carry the year too.
    return results.map((r) => ({ ...r, sentence: { text: r.message.params.text as string, loc: r.locations[0] ?? { file: '', line: 0 } } }));
  },
};
