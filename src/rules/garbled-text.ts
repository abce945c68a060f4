import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';

/** U+FFFD (a byte sequence that was no character) and private-use code points: broken text. */
const GARBLED = /[\uFFFD\uE000-\uF8FF]+/g;

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
      results.push(defect(`invalid-bytes/${issue.loc.file}`, { id: 'invalid-bytes', params: { ...issue.params, line: String(issue.loc.line) } }, [issue.loc]));
    }
    const lines = [...doc.narrative, ...Object.values(doc.tables).flatMap((t) => [{ text: t.title, loc: t.titleLoc }, ...t.notes])];
    for (const line of lines) {
      for (const m of line.text.matchAll(GARBLED)) {
        results.push({
          ...defect(`${line.loc.file}/${line.loc.page ?? 0}/${line.loc.line}/${m.index ?? 0}`, { id: 'garbled', params: { text: line.text.trim() } }, [line.loc]),
          sentence: { text: line.text.trim(), loc: line.loc },
        });
      }
    }
    return results;
  },
};
