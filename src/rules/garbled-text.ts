import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { quoteAround, quoteKey } from './support/quote.js';

/** U+FFFD (a byte sequence that was no character) and private-use code points: broken text. */
const GARBLED = /[\uFFFD\uE000-\uF8FF]+/g;

/** Characters that did not survive conversion (�) in the narrative or table notes. */
export const garbledText: Rule = {
  meta: {
    id: 'garbled-text',
    title: { zh: '无乱码字符', en: 'No garbled characters' },
    severity: 'warning',
    tags: ['narrative', 'input'],
    tables: [],
    messages: {
      garbled: { zh: '文中有无法识别的字符：{text}', en: 'Unreadable characters in: {text}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    const lines = [...doc.narrative.map((l) => ({ ...l, part: 'narrative' })), ...Object.entries(doc.tables).flatMap(([key, t]) => [{ text: t.title, loc: t.titleLoc, part: key }, ...t.notes.map((l) => ({ ...l, part: key }))])];
    for (const line of lines) {
      for (const m of line.text.matchAll(GARBLED)) {
        results.push({
          ...defect(`${line.part}/${quoteKey(line.text, m.index ?? 0, m[0].length)}`, { id: 'garbled', params: { text: quoteAround(line.text, m.index ?? 0, m[0].length) } }, [line.loc]),
          sentence: { text: quoteAround(line.text, m.index ?? 0, m[0].length), loc: line.loc },
        });
      }
    }
    return results;
  },
};
