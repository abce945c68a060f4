import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import type { RuleMeta } from '../../src/rules/types.js';

/** A table cell as Markdown needs it: a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Messages table a rule's docs page must show: every entry of `meta.messages`, in order. */
function messageTable(meta: RuleMeta): string {
  const rows = Object.entries(meta.messages).map(([id, m]) => `| \`${id}\` | ${cell(m.zh)} | ${cell(m.en)} |`);
  return ['| id | 中文 | English |', '|---|---|---|', ...rows].join('\n');
}

const TABLE = /(## Messages\n\n)((?:\|.*\n?)+)/;

describe('rule docs', () => {
  // UPDATE_DOCS=1 rewrites each page's table from the rule's meta; review the diff.
  it.each(RULES.map((r) => [r.meta.id, r.meta] as const))('%s: the Messages table is the rule’s message table', (id, meta) => {
    const file = `docs/rules/${id}.md`;
    const page = readFileSync(file, 'utf8');
    const found = TABLE.exec(page);
    expect(found, `${file} has a “## Messages” table`).not.toBeNull();
    const expected = messageTable(meta);
    if (process.env.UPDATE_DOCS && found?.[2]?.trimEnd() !== expected) {
      writeFileSync(file, page.replace(TABLE, (_whole, head: string, table: string) => `${head}${expected}${table.endsWith('\n') ? '\n' : ''}`));
      return;
    }
    expect(found?.[2]?.trimEnd()).toBe(expected);
  });
});
