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

  describe('synonyms and tables of the config, used by the reader', () => {
    // The synthetic document as another producer might title it: its 收入决算表 is “收入来源决算表”,
    // whose 财政拨款收入 column is headed “财政补助收入”, and the 年初结转和结余 line of its
    // 收入支出决算总表 reads “上年结转”. Every figure is the same.
    const renamed = readFileSync(SYNTHETIC, 'utf8')
      .split('\n')
      .map((line) => {
        if (line.trim() === '收入决算表') return '收入来源决算表';
        if (line.startsWith('项目\t\t本年收入合计\t财政拨款收入\t')) return line.replace('\t财政拨款收入\t', '\t财政补助收入\t');
        if (line.startsWith('年初结转和结余\t')) return line.replace('年初结转和结余', '上年结转');
        return line;
      })
      .join('\n');
    const SYNONYMS = {
      synonyms: {
        titles: { income: ['^收入来源决算表$'] },
        headers: { 'income.fiscal': ['^财政补助收入$'] },
        rows: { 'income-expense.opening': ['^上年结转$'] },
      },
    };
    interface Report {
      documents: Array<{ checks: { run: number; skipped: number }; findings: Array<{ rule: string; id: string; severity: string; message: string }> }>;
    }
    const tableFindings = (r: Report): string[] =>
      (r.documents[0]?.findings ?? []).filter((f) => f.severity !== 'info' && !f.rule.startsWith('narrative-')).map((f) => `${f.severity} ${f.rule} ${f.message}`);

    it('recognises a table by a title synonym, a column by a header synonym and a row by a row synonym: the document checks as the original', async () => {
      const sub = mkdtempSync(join(dir, 'synonyms-'));
      const doc = join(sub, 'renamed.txt');
      writeFileSync(doc, renamed);
      const original = JSON.parse((await run(['check', SYNTHETIC, '--no-config', '-f', 'json'])).stdout) as Report;
      const without = JSON.parse((await run(['check', doc, '--no-config', '-f', 'json'])).stdout) as Report;
      // Without the config the table is not found, nor the row.
      expect(tableFindings(without)).toEqual(expect.arrayContaining([expect.stringMatching(/^error table-missing .*收入决算表/), expect.stringMatching(/^warning table-layout .*上年结转/)]));
      // The config beside the document governs it: found as the config file of its folder.
      writeFileSync(join(sub, 'zjs.config.json'), JSON.stringify(SYNONYMS));
      const withConfig = JSON.parse((await run(['check', doc, '-f', 'json'])).stdout) as Report;
      expect(tableFindings(withConfig)).toEqual(tableFindings(original));
      expect(withConfig.documents[0]?.checks).toEqual(original.documents[0]?.checks);
    });

    it('reads a CSV sheet titled by a synonym as a table of the folder', async () => {
      const sub = mkdtempSync(join(dir, 'sheet-'));
      const sheets = join(sub, 'sheets');
      const source = 'fixtures/shanghai-sample-2024-csv';
      const { cpSync, readdirSync } = await import('node:fs');
      cpSync(source, sheets, { recursive: true });
      const income = readdirSync(sheets).find((f) => f.includes('收入决算表') && !f.includes('总表'));
      if (!income) throw new Error('no 收入决算表 sheet in the sample');
      const path = join(sheets, income);
      writeFileSync(path, readFileSync(path, 'utf8').replace('收入决算表', '收入来源决算表'));
      writeFileSync(join(sub, 'zjs.config.json'), JSON.stringify({ synonyms: { titles: { income: ['^收入来源决算表$'] } } }));
      const found = JSON.parse((await run(['check', sub, '-f', 'json'])).stdout) as Report;
      expect(found.documents).toHaveLength(1);
      expect(tableFindings(found).filter((f) => / table-missing /.test(f))).toEqual([]);
    });

    it('recognises a table the config defines, and checks the config’s rule on it', async () => {
      const extra = (total: string) =>
        [twoTables(), '', '示例市专项资金决算表', '金额单位：万元', '科目代码\t科目名称\t合计\t甲项资金\t乙项资金', '201\t一般公共服务支出\t' + total + '\t6.00\t4.00', '合计\t\t10.00\t6.00\t4.00', ''].join('\n');
      const config = {
        ...CITY_CONFIG,
        tables: [
          {
            key: 'city-funds',
            name: { zh: '专项资金决算表', en: 'special funds table' },
            titles: ['^示例市专项资金决算表$'],
            layout: 'coded',
            columns: [
              { key: 'total', name: { zh: '合计', en: 'total' }, headers: ['^合计$'] },
              { key: 'a', name: { zh: '甲项资金', en: 'fund A' }, headers: ['^甲项资金$'] },
              { key: 'b', name: { zh: '乙项资金', en: 'fund B' }, headers: ['^乙项资金$'] },
            ],
          },
        ],
        families: [{ ...CITY_CONFIG.families[0], tables: [{ key: 'income' }, { key: 'expense' }, { key: 'city-funds' }] }],
        rules: [{ id: 'city-funds-sum', title: '专项资金合计等于各项之和', formula: 'city-funds[$r].total = city-funds[$r].a + city-funds[$r].b for $r in rows(city-funds)' }],
      };
      const sub = mkdtempSync(join(dir, 'table-'));
      writeFileSync(join(sub, 'zjs.config.json'), JSON.stringify(config));
      const good = join(sub, 'good.txt');
      writeFileSync(good, extra('10.00'));
      const bad = join(sub, 'bad.txt');
      writeFileSync(bad, extra('11.00'));
      const passing = JSON.parse((await run(['check', good, '-f', 'json'])).stdout) as Report;
      expect(passing.documents[0]?.findings.filter((f) => f.rule === 'city-funds-sum' || f.rule === 'table-layout')).toEqual([]);
      const failing = JSON.parse((await run(['check', bad, '-f', 'json'])).stdout) as Report;
      expect(failing.documents[0]?.findings.filter((f) => f.rule === 'city-funds-sum').map((f) => f.severity)).toEqual(['error']);
    });
  });
});
