import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { quoteAround, quoteKey } from './support/quote.js';

const DOUBLED = /([。，；：、！？])\1+/g;
/** The same pattern without `g`: most lines have nothing to find, and a test is cheaper than a scan. */
const ANY_DOUBLED = new RegExp(DOUBLED.source);

/** Doubled punctuation (。。, ，，) in the narrative: a slip a publisher wants to catch. */
export const doubledPunctuation: Rule = {
  meta: {
    id: 'doubled-punctuation',
    title: { zh: '无重复标点', en: 'No doubled punctuation' },
    severity: 'warning',
    tags: ['narrative'],
    tables: [],
    messages: {
      doubled: { zh: '重复的标点“{found}”：{text}', en: 'Doubled punctuation “{found}” in: {text}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const line of [...doc.narrative.map((l) => ({ ...l, part: 'narrative' })), ...Object.entries(doc.tables).flatMap(([key, t]) => t.notes.map((l) => ({ ...l, part: key })))]) {
      if (!ANY_DOUBLED.test(line.text)) continue;
      for (const m of line.text.matchAll(DOUBLED)) {
        results.push({
          ...defect(`${line.part}/${quoteKey(line.text, m.index ?? 0, m[0].length)}`, { id: 'doubled', params: { found: m[0], text: quoteAround(line.text, m.index ?? 0, m[0].length) } }, [line.loc]),
          sentence: { text: quoteAround(line.text, m.index ?? 0, m[0].length), loc: line.loc },
        });
      }
    }
    return results;
  },
};
