import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { SET_RULES } from '../../src/sets/rules/index.js';
import { run } from '../support/cli.js';

describe('zjs rules', () => {
  it('lists every rule of the registry with its title, default severity and tags', async () => {
    const r = await run(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length + SET_RULES.length + 2);
    expect(lines[0]).toMatch(/^规则\s+名称\s+默认级别\s+标签$/);
    for (const rule of RULES) {
      const line = lines.find((l) => l.startsWith(`${rule.meta.id} `));
      expect(line, rule.meta.id).toBeDefined();
      expect(line).toContain(rule.meta.title.zh);
      expect(line).toContain({ error: '错误', warning: '警告', info: '提示' }[rule.meta.severity]);
      expect(line?.endsWith(rule.meta.tags.join(', '))).toBe(true);
    }
  });

  it('lists the rules across documents after the others, with their titles, severity and tag', async () => {
    const lines = (await run(['rules'])).stdout.trimEnd().split('\n');
    expect(lines.slice(-SET_RULES.length).map((l) => l.split(/\s+/)[0])).toEqual(['set-budget-previous', 'set-final-budget', 'set-final-previous', 'set-final-claims']);
    for (const rule of SET_RULES) {
      const line = lines.find((l) => l.startsWith(`${rule.id} `));
      expect(line).toContain(rule.title.zh);
      expect(line).toMatch(/错误\s+across-documents$/);
    }
    const en = await run(['rules', '--lang', 'en']);
    for (const rule of SET_RULES) expect(en.stdout).toContain(rule.title.en);
  });

  it('uses English titles with --lang en', async () => {
    const r = await run(['rules', '--lang', 'en']);
    for (const rule of RULES) expect(r.stdout).toContain(rule.meta.title.en);
  });

  it('prints the registry as JSON', async () => {
    const r = await run(['rules', '--format', 'json']);
    const list = JSON.parse(r.stdout) as Array<{ id: string; title: string; severity: string; tags: string[]; docs: string; messages: Record<string, string> }>;
    expect(list.map((x) => x.id)).toEqual([...RULES.map((x) => x.meta.id), ...SET_RULES.map((x) => x.id)]);
    for (const [i, rule] of RULES.entries()) {
      expect(list[i]).toMatchObject({ title: rule.meta.title.zh, severity: rule.meta.severity, tags: [...rule.meta.tags], docs: `docs/rules/${rule.meta.id}.md` });
      expect(list[i]?.messages).toEqual(Object.fromEntries(Object.entries(rule.meta.messages).map(([id, m]) => [id, m.zh])));
    }
    for (const [i, rule] of SET_RULES.entries()) {
      expect(list[RULES.length + i]).toEqual({ id: rule.id, title: rule.title.zh, severity: 'error', tags: ['across-documents'], tables: [], docs: `docs/rules/${rule.id}.md`, messages: { set: '{detail}' } });
    }
  });
});
