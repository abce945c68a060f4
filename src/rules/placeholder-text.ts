import type { CheckResult } from '../model/finding.js';
import type { Rule } from './types.js';
import { defect } from './support/identity.js';
import { quoteAround, quoteKey } from './support/quote.js';

/** Template placeholders left in a published text: XX局, ××, ＊＊, 待填写, 待补充. */
const PLACEHOLDER = /(?<![A-Za-z])[XＸxｘ×]{2,}(?![A-Za-z])|＊{2,}|\*{3,}|待填写|待补充|此处填写|（略）|\(略\)/g;
/** The same pattern without `g`: most lines have nothing to find, and a test is cheaper than a scan. */
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER.source);

/** Placeholders of the template (上海市 XX 局) left in the published document. */
export const placeholderText: Rule = {
  meta: {
    id: 'placeholder-text',
    title: { zh: '无模板占位符残留', en: 'No template placeholders left' },
    severity: 'error',
    tags: ['narrative'],
    tables: [],
    messages: {
      placeholder: { zh: '文中残留模板占位符“{found}”：{text}', en: 'A template placeholder “{found}” is left in: {text}' },
    },
  },
  check(doc) {
    const results: CheckResult[] = [];
    const lines = [...doc.narrative.map((l) => ({ ...l, part: 'narrative' })), ...Object.entries(doc.tables).flatMap(([key, t]) => [{ text: t.title, loc: t.titleLoc, part: key }, ...t.notes.map((l) => ({ ...l, part: key }))])];
    for (const line of lines) {
      if (!ANY_PLACEHOLDER.test(line.text)) continue;
      for (const m of line.text.matchAll(PLACEHOLDER)) {
        results.push({
          ...defect(`${line.part}/${quoteKey(line.text, m.index ?? 0, m[0].length)}`, { id: 'placeholder', params: { found: m[0], text: quoteAround(line.text, m.index ?? 0, m[0].length) } }, [line.loc], { actual: m[0] }),
          sentence: { text: quoteAround(line.text, m.index ?? 0, m[0].length), loc: line.loc },
        });
      }
    }
    return results;
  },
};
