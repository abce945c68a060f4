import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { SET_RULES } from '../../src/sets/rules/index.js';
import { contextFor } from '../../src/rules/types.js';
import { documentFromText } from '../../src/load/index.js';
import { readFixture } from '../support/fixtures.js';
import { SYNTHETIC } from '../support/planted.js';

const ids = RULES.map((r) => r.meta.id);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the rule registry', () => {
  it('has unique kebab-case ids, sorted', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(ids)('%s has a docs page and a test file', (id) => {
    expect(existsSync(`docs/rules/${id}.md`), `docs/rules/${id}.md`).toBe(true);
    expect(readFileSync(`docs/rules/${id}.md`, 'utf8')).toContain(`# ${id}`);
    expect(existsSync(`test/rules/${id}.test.ts`), `test/rules/${id}.test.ts`).toBe(true);
  });

  it.each(SET_RULES.map((r) => r.id))('%s (across documents) has a docs page with its one message, and is tested', (id) => {
    const page = readFileSync(`docs/rules/${id}.md`, 'utf8');
    expect(page).toContain(`# ${id}`);
    expect(page).toContain('| `set` | {detail} | {detail} |');
    expect(existsSync('test/sets/rules.test.ts')).toBe(true);
    expect(readFileSync('test/sets/rules.test.ts', 'utf8')).toContain(`describe('${id}:`);
  });

  it('has no rule across documents with the id of another rule', () => {
    const all = [...ids, ...SET_RULES.map((r) => r.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has Chinese and English messages with the same placeholders', (_id, rule) => {
    expect(rule.meta.title.zh).not.toBe('');
    expect(rule.meta.title.en).not.toBe('');
    for (const message of Object.values(rule.meta.messages)) {
      expect(placeholders(message.zh)).toEqual(placeholders(message.en));
    }
  });

  it('gives the same results twice for the same document (pure rules)', () => {
    const doc = documentFromText(SYNTHETIC, readFixture(SYNTHETIC));
    for (const rule of RULES) {
      expect(JSON.stringify(rule.check(doc, contextFor(doc)))).toBe(JSON.stringify(rule.check(doc, contextFor(doc))));
    }
  });

  it('never throws on a document without tables, and says what it skipped', () => {
    const doc = documentFromText('x.txt', '2024年度部门决算\n示例局\n');
    for (const rule of RULES) {
      const results = rule.check(doc, contextFor(doc));
      if (rule.meta.tables.length > 0) expect(results.every((r) => r.status === 'skipped'), rule.meta.id).toBe(true);
    }
  });
});
