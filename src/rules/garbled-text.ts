import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { quoteAround, quoteKey } from './support/quote.js';

/** A file's own name: an id that does not change when the document's folder moves. */
const fileName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** U+FFFD (a byte sequence that was no character) and private-use code points: broken text. */
const GARBLED = /[\uFFFD\uE000-\uF8FF]+/g;
/** The same pattern without `g`: most lines have nothing to find, and a test is cheaper than a scan. */
const ANY_GARBLED = new RegExp(GARBLED.source);

/**
 * Characters that did not survive conversion (�) in the narrative or table notes, and bytes of a
 * file that were not valid in its encoding (the loader read the file anyway and says where).
 */
export const garbledText: Rule = {
  meta: {
    id: 'garbled-text',
    title: { zh: '无乱码字符', en: 'No garbled characters' },
    severity: 'warning',
    tags: ['narrative', 'input'],
    tables: [],
    messages: {
      garbled: { zh: '文中有无法识别的字符：{text}', en: 'Unreadable characters in: {text}' },
      'invalid-bytes': {
        zh: '文件中有 {count} 处不是有效 {encoding} 的字节（首个在第 {line} 行，文件第 {offset} 字节），已按 {encoding} 读取，这些字节显示为 �',
        en: '{count} byte sequence(s) in the file are not valid {encoding} (the first on line {line}, at byte {offset} of the file); the file was read as {encoding}, with � in their place',
      },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    for (const issue of doc.issues) {
      if (issue.code !== 'invalid-bytes') continue;
      results.push(defect(`invalid-bytes/${fileName(issue.loc.file)}`, { id: 'invalid-bytes', params: { ...issue.params, line: String(issue.loc.line) } }, [issue.loc]));
    }
    const lines = [...doc.narrative.map((l) => ({ ...l, part: 'narrative' })), ...Object.entries(doc.tables).flatMap(([key, t]) => [{ text: t.title, loc: t.titleLoc, part: key }, ...t.notes.map((l) => ({ ...l, part: key }))])];
    for (const line of lines) {
      if (!ANY_GARBLED.test(line.text)) continue;
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
