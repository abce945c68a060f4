import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/load/index.js';
import { RULES } from '../../src/rules/index.js';
import { contextFor, DEFAULT_CONTEXT } from '../../src/rules/types.js';
import { withUserCatalog } from '../../src/rules/user.js';
import { checkDocument, DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { BUILTIN_CATALOG } from '../../src/templates/catalog/index.js';
import { compileCatalog } from '../../src/templates/compiled.js';
import { detectFamily } from '../../src/templates/detect.js';
import { FamilyDefSchema, TableDefSchema } from '../../src/templates/family.js';
import { builtinCatalog } from '../../src/templates/builtin.js';
import { readFixture } from '../support/fixtures.js';
import { SYNTHETIC } from '../support/planted.js';

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

describe('the built-in catalog', () => {
  it('is valid data: every table and family passes its schema', () => {
    for (const t of BUILTIN_CATALOG.tables) expect(TableDefSchema.safeParse(t).success, t.key).toBe(true);
    for (const f of BUILTIN_CATALOG.families) {
      const r = FamilyDefSchema.safeParse(f);
      expect(r.success, `${f.id}: ${JSON.stringify(r.error?.issues[0])}`).toBe(true);
    }
  });

  it('compiles: every formula parses and names tables and columns the catalog has', () => {
    const r = compileCatalog(BUILTIN_CATALOG);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('reports every identity under a registered rule', () => {
    for (const f of BUILTIN_CATALOG.families) for (const i of f.identities) expect(RULE_IDS.has(i.rule), `${f.id}: ${i.rule}`).toBe(true);
  });

  it('gives every table and cross-table rule of the nine-table family at least one identity', () => {
    const family = builtinCatalog().families.find((f) => f.def.id === 'mof-final');
    const nine = new Set(family?.def.tables.map((t) => t.key));
    const formulaRules = RULES.filter((r) => r.meta.tables.length > 0 && r.meta.tables.every((t) => nine.has(t)) && (r.meta.tags.includes('table') || r.meta.tags.includes('cross-table'))).map((r) => r.meta.id);
    expect(formulaRules.length).toBe(29);
    for (const id of formulaRules) expect(family?.byRule.get(id)?.length ?? 0, id).toBeGreaterThan(0);
  });
});

describe('family detection', () => {
  const zhuzhou = documentFromText('zhuzhou.txt', readFixture('fixtures/zhuzhou-hrss-2023.txt'));

  it('reads a nine-table disclosure as 部门决算', () => {
    expect(detectFamily(zhuzhou, builtinCatalog()).family.def.id).toBe('mof-final');
    expect(checkDocument(zhuzhou).family).toEqual({ id: 'mof-final', name: '部门决算（九张表）' });
  });

  it('reads a disclosure whose cover says 单位决算 as 单位决算', () => {
    const text = readFixture(SYNTHETIC).replace(/部门决算/, '单位决算');
    const doc = documentFromText('unit.txt', text);
    expect(detectFamily(doc, builtinCatalog()).family.def.id).toBe('unit-final');
  });

  it('reads 单位决算 said in the body (下属行政事业单位决算) as no more than words: the cover decides', () => {
    const lines = readFixture(SYNTHETIC).split('\n');
    const body = lines.findIndex((l) => /^第一部分|^[一二三四五六七八九十]+、/.test(l.trim()));
    expect(body).toBeGreaterThan(0);
    lines.splice(body + 1, 0, '本部门决算包括：局本级决算、下属行政事业单位决算。');
    const doc = documentFromText('body.txt', lines.join('\n'));
    expect(detectFamily(doc, builtinCatalog()).family.def.id).toBe('mof-final');
  });

  it('misses the 国有资本经营 table only in the years before it was published', () => {
    const drop = (text: string) => {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => /国有资本经营预算财政拨款(收入)?支出决算表/.test(l) && l.trim().length < 40);
      return lines.map((l, i) => (i === at ? '' : l)).join('\n');
    };
    const recent = documentFromText('recent.txt', drop(readFixture(SYNTHETIC)));
    expect(recent.tables['state-capital']).toBeUndefined();
    expect(detectFamily(recent, builtinCatalog()).family.def.id).toBe('mof-final');
    const findings = checkDocument(recent).findings.filter((f) => f.rule === 'table-missing');
    expect(findings.map((f) => f.message)).toEqual(['未找到国有资本经营预算财政拨款支出决算表（部门决算（九张表）应公开此表，无数据的表也应公开并说明）']);
    const older = documentFromText('older.txt', drop(readFixture(SYNTHETIC)).replace(/2024年/g, '2017年'));
    expect(older.year?.value).toBe(2017);
    expect(detectFamily(older, builtinCatalog()).family.def.id).toBe('mof-final-8');
    expect(checkDocument(older).findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
  });
});

describe('families and rules of the config file', () => {
  const builtinIds = new Set(RULES.map((r) => r.meta.id));

  it('recognises a family defined only in the config and checks its rules', () => {
    const user = withUserCatalog(
      BUILTIN_CATALOG,
      {
        families: [
          {
            id: 'city-two-tables',
            name: { zh: '示例市两表公开', en: 'two-table city format' },
            kind: 'final',
            tables: [{ key: 'income' }, { key: 'expense' }],
            identities: [{ rule: 'income-row-sum', id: 'row-sum', message: 'rowSum', formula: 'income[$r].total = income[$r].fiscal + income[$r].other for $r in rows(income)', key: 'income/{$r}/total' }],
            sections: [],
          },
        ],
        rules: [{ id: 'city-income-equals-expense', title: '收入合计等于支出合计', formula: 'income[total].total = expense[total].total', families: ['city-two-tables'] }],
      },
      builtinIds,
    );
    expect(user.ok ? [] : user.problems).toEqual([]);
    if (!user.ok) return;
    const text = readFixture(SYNTHETIC);
    const lines = text.split('\n');
    // Keep the title, the income table and the expense table only.
    const start = lines.findIndex((l) => /^收入决算表/.test(l.replace(/\s/g, '')) || /收入决算表$/.test(l.trim()));
    const end = lines.findIndex((l, i) => i > start && /财政拨款收入支出决算总表/.test(l));
    const doc = documentFromText('two.txt', ['2024年度部门决算', ...lines.slice(start - 1, end)].join('\n'));
    expect(Object.keys(doc.tables).sort()).toEqual(['expense', 'income']);
    const options = { ...DEFAULT_OPTIONS, context: { ...DEFAULT_CONTEXT, catalog: user.catalog }, rules: [...RULES, ...user.rules] };
    const checked = checkDocument(doc, options);
    expect(checked.family.id).toBe('city-two-tables');
    expect(checked.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    // Its own row-sum identity and the city rule ran; the nine-table identities did not.
    expect(checked.checks.run).toBeGreaterThan(0);
    expect(checked.findings.some((f) => f.rule === 'cross-income-sources')).toBe(false);
    const ctx = contextFor(doc, options.context);
    const city = user.rules[0];
    expect(city && city.check(doc, ctx).map((r) => r.status)).toEqual(['fail']);
    const finding = checked.findings.find((f) => f.rule === 'city-income-equals-expense');
    expect(finding?.message).toMatch(/^收入决算表 合计“本年收入合计” 应等于 支出决算表 合计“本年支出合计”：/);
  });

  it('names the config key of a formula that does not compile', () => {
    const bad = withUserCatalog(BUILTIN_CATALOG, { rules: [{ id: 'x', title: 'x', formula: 'income[total].库存 = 1' }, { id: 'y', title: 'y', formula: 'income[total].total == 1' }] }, builtinIds);
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.message.zh}`)).toEqual([
      'rules[0].formula: 收入决算表没有栏目“库存”',
      'rules[1].formula: 第 22 个字符：此处应为表名或数字，实为“=”',
    ]);
  });

  it('refuses a rule id that a built-in rule has, and a family that reads tables it does not list', () => {
    const clash = withUserCatalog(BUILTIN_CATALOG, { rules: [{ id: 'income-row-sum', title: 'x', formula: 'income[total].total = 1' }] }, builtinIds);
    expect(clash.ok ? [] : clash.problems.map((p) => p.path)).toEqual(['rules[0].id']);
    const outside = withUserCatalog(
      BUILTIN_CATALOG,
      { families: [{ id: 'f', name: { zh: 'f', en: 'f' }, kind: 'final', tables: [{ key: 'income' }], identities: [{ rule: 'r', id: 'i', message: 'm', formula: 'income[total].total = expense[total].total' }], sections: [] }] },
      builtinIds,
    );
    expect(outside.ok ? [] : outside.problems.map((p) => `${p.path}: ${p.message.en}`)).toEqual([`families[${BUILTIN_CATALOG.families.length}].identities[0].formula: the formula reads tables this family does not have: expense`]);
  });
});
