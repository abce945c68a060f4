import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/cli.js';
import { SYNTHETIC } from '../support/planted.js';

const dir = mkdtempSync(join(tmpdir(), 'zjs-families-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A disclosure of two tables only: the 收入决算表 and 支出决算表 of the synthetic document. */
function twoTables(): string {
  const lines = readFileSync(SYNTHETIC, 'utf8').split('\n');
  const start = lines.findIndex((l) => /收入决算表$/.test(l.trim()));
  const end = lines.findIndex((l, i) => i > start && /财政拨款收入支出决算总表/.test(l));
  return ['示例市示例局2024年度部门决算', ...lines.slice(start - 1, end)].join('\n');
}

const CITY_CONFIG = {
  families: [
    {
      id: 'city-two-tables',
      name: { zh: '示例市两表公开', en: 'two-table city format' },
      kind: 'final',
      tables: [{ key: 'income' }, { key: 'expense' }],
      identities: [
        { rule: 'income-row-sum', id: 'row-sum', message: 'rowSum', formula: 'income[$r].total = income[$r].fiscal + income[$r].superior + income[$r].business + income[$r].other for $r in rows(income)', key: 'income/{$r}/total' },
      ],
      sections: [],
    },
  ],
  rules: [
    {
      id: 'city-income-covers-expense',
      title: { zh: '本年收入合计不少于本年支出合计', en: 'Income of the year covers expenditure of the year' },
      severity: 'warning',
      formula: '收入决算表[合计].本年收入合计 >= 支出决算表[合计].本年支出合计',
    },
  ],
};

describe('families and rules from the config file', () => {
  it('recognises a family defined only in the config, names it, and checks its identities and rules', async () => {
    const doc = join(dir, 'two.txt');
    writeFileSync(doc, twoTables());
    const config = join(dir, 'city.json');
    writeFileSync(config, JSON.stringify(CITY_CONFIG));
    const r = await run(['check', doc, '--config', config, '-f', 'json']);
    const report = JSON.parse(r.stdout) as { documents: Array<{ family: { id: string; name: string }; checks: { run: number }; findings: Array<{ rule: string; severity: string; message: string }> }> };
    const d = report.documents[0];
    expect(d?.family).toEqual({ id: 'city-two-tables', name: '示例市两表公开' });
    expect(d?.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    // 4,163.90 of income covers 4,154.63 of expenditure: the city's rule passes, and ran.
    expect(d?.findings.filter((f) => f.rule === 'city-income-covers-expense')).toEqual([]);
    expect(d?.checks.run).toBeGreaterThan(10);
    const strict = join(dir, 'strict.json');
    writeFileSync(strict, JSON.stringify({ ...CITY_CONFIG, rules: [{ ...CITY_CONFIG.rules[0], formula: '收入决算表[合计].本年收入合计 <= 支出决算表[合计].本年支出合计' }] }));
    const failing = await run(['check', doc, '--config', strict, '-f', 'json']);
    const found = (JSON.parse(failing.stdout) as typeof report).documents[0]?.findings.filter((f) => f.rule === 'city-income-covers-expense') ?? [];
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0]?.message).toMatch(/^收入决算表 合计“本年收入合计” 不应超过 支出决算表 合计“本年支出合计”：4,163.90 超过 4,154.63/);
  });

  it('lists the config’s rules beside the built-in ones', async () => {
    const config = join(dir, 'list.json');
    writeFileSync(config, JSON.stringify(CITY_CONFIG));
    const r = await run(['rules', '--config', config, '-f', 'json']);
    const rules = JSON.parse(r.stdout) as Array<{ id: string; title: string; severity: string; tags: string[] }>;
    expect(rules.find((x) => x.id === 'city-income-covers-expense')).toEqual(expect.objectContaining({ title: '本年收入合计不少于本年支出合计', severity: 'warning', tags: ['cross-table', 'user'] }));
    expect(rules.some((x) => x.id === 'income-row-sum')).toBe(true);
  });

  it('refuses a formula that does not compile: one line with the file, the line and the key, exit 2', async () => {
    const config = join(dir, 'bad.jsonc');
    writeFileSync(
      config,
      ['{', '  // a city rule', '  "rules": [', '    {', '      "id": "city-1",', '      "title": "x",', '      "formula": "收入决算表[合计].库存 = 1"', '    }', '  ]', '}'].join('\n'),
    );
    const r = await run(['check', SYNTHETIC, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: rules\\[0\\]\\.formula: the income table has no column “库存”$`))]);
  });
});
