import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../src/formula/compile.js';
import { evaluateFormula, type EvalEnv } from '../../src/formula/evaluate.js';
import type { Cell, DisclosureDocument, Row, Table } from '../../src/model/document.js';
import { parseNumber, halfUnit, money } from '../../src/model/number.js';
import { TABLES } from '../../src/templates/catalog/tables.js';

const loc = { file: 'doc.txt', line: 1 };

/** A cell as printed: '' is blank, '?' unknown, text that is not a number invalid. */
function cell(text: string): Cell {
  if (text === '?') return { kind: 'unknown', loc };
  const n = parseNumber(text);
  if (n.kind === 'blank') return { kind: 'blank', loc };
  if (n.kind === 'invalid') return { kind: 'invalid', text, loc };
  return { kind: 'amount', amount: { value: n.value, half: halfUnit(n.decimals), text, loc } };
}

/** A coded table from `code: [cells in column order]`. */
function coded(key: string, columns: string[], rows: Record<string, string[]>, empty = false): Table {
  return {
    key,
    title: key,
    titleLoc: loc,
    unit: '万元',
    columns: columns.map((c) => ({ key: c, label: c })),
    rows: Object.entries(rows).map(([code, values]): Row => ({
      key: code,
      label: code,
      ...(/^\d+$/.test(code) ? { code } : {}),
      level: code === 'total' ? 'total' : code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item',
      loc,
      cells: Object.fromEntries(columns.flatMap((c, i) => (values[i] === undefined ? [] : [[c, cell(values[i] ?? '')]]))),
    })),
    notes: [],
    empty,
  };
}

function doc(...tables: Table[]): DisclosureDocument {
  return { source: 'doc.txt', format: 'text', files: ['doc.txt'], unit: '万元', tables: Object.fromEntries(tables.map((t) => [t.key, t])), narrative: [], issues: [] };
}

const ENV: EvalEnv = {
  tableName: (key) => ({ zh: key, en: key }),
  columnName: (_t, c) => ({ zh: c, en: c }),
  groups: { personnel: ['301', '303'], public: ['302'] },
};

function run(formula: string, d: DisclosureDocument, complete = false) {
  const compiled = compileFormula(formula, TABLES);
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  return evaluateFormula(compiled.compiled.formula, { key: 'k/{$r}/{$c}', message: 'm', params: {}, complete }, d, ENV).map((r) => ({
    key: r.key,
    status: r.status,
    ...(r.difference !== undefined ? { difference: money(r.difference) } : {}),
    ...(r.tolerance !== undefined ? { tolerance: money(r.tolerance) } : {}),
    ...(r.reason ? { reason: r.reason.zh } : {}),
    ...(r.actualBlank ? { blank: true } : {}),
  }));
}

const ROW_SUM = 'expense[$r].total = expense[$r].basic + expense[$r].project for $r in rows(expense)';

describe('evaluating identities', () => {
  it('passes an exact identity, notes a rounding tail within Σ half-units, fails beyond it', () => {
    const d = doc(coded('expense', ['total', 'basic', 'project'], { '2010301': ['10.00', '4.00', '6.00'], '2010302': ['10.01', '4.00', '6.00'], '2010303': ['10.02', '4.00', '6.00'] }));
    expect(run(ROW_SUM, d)).toEqual([
      { key: 'k/2010301/{$c}', status: 'pass', difference: '0.00', tolerance: '0.015' },
      { key: 'k/2010302/{$c}', status: 'rounding', difference: '0.01', tolerance: '0.015' },
      { key: 'k/2010303/{$c}', status: 'fail', difference: '0.02', tolerance: '0.015' },
    ]);
  });

  it('leaves blank cells out of the sum, and shows a blank total as blank', () => {
    const d = doc(coded('expense', ['total', 'basic', 'project'], { '2010301': ['10.00', '10.00', ''], '2010302': ['', '3.00', ''], '2010303': ['', '', ''] }));
    expect(run(ROW_SUM, d)).toEqual([
      { key: 'k/2010301/{$c}', status: 'pass', difference: '0.00', tolerance: '0.01' },
      { key: 'k/2010302/{$c}', status: 'fail', difference: '-3.00', tolerance: '0.005', blank: true },
    ]);
  });

  it('does not apply an identity whose total column, or all of whose parts, the table does not print', () => {
    expect(run(ROW_SUM, doc(coded('expense', ['basic', 'project'], { '2010301': ['4.00', '6.00'] })))).toEqual([]);
    expect(run(ROW_SUM, doc(coded('expense', ['total'], { '2010301': ['4.00'] })))).toEqual([]);
    // A part column that is not printed is no part of the sum.
    expect(run(ROW_SUM, doc(coded('expense', ['total', 'basic'], { '2010301': ['4.00', '4.00'] })))).toEqual([{ key: 'k/2010301/{$c}', status: 'pass', difference: '0.00', tolerance: '0.01' }]);
  });

  it('skips a check on a cell that is not a number or that the reader could not place', () => {
    const d = doc(coded('expense', ['total', 'basic', 'project'], { '2010301': ['10.00', '4.0O', '6.00'], '2010302': ['10.00', '?', '6.00'] }));
    expect(run(ROW_SUM, d).map((r) => [r.status, r.reason])).toEqual([
      ['skipped', '有单元格不是数字'],
      ['skipped', '有单元格无法从文本中确定'],
    ]);
  });

  it('rolls up 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 for every column', () => {
    const d = doc(
      coded('expense', ['total', 'basic'], {
        total: ['30.00', '9.00'],
        '201': ['30.00', '9.00'],
        '20103': ['30.00', '8.00'],
        '2010301': ['20.00', '8.00'],
        '2010302': ['10.00', ''],
      }),
    );
    const results = run('expense[$r].$c = sum(expense[children($r)].$c) for $r in rows(expense), $c in columns(expense)', d);
    // (Object keys that look like integers come first, so 合计 is listed last here.)
    expect(results.map((r) => `${r.key} ${r.status}`)).toEqual([
      'k/201/total pass',
      'k/201/basic fail',
      'k/20103/total pass',
      'k/20103/basic pass',
      'k/total/total pass',
      'k/total/basic pass',
    ]);
  });

  it('matches rows across tables by code, a class missing from one table reading as blank', () => {
    const d = doc(coded('expense', ['total'], { '201': ['5.00'], '208': ['2.00'] }), coded('general-budget-expense', ['total'], { '201': ['5.00'], '210': ['1.00'] }));
    const results = run('expense[$r].total = general-budget-expense[$r].total for $r in rows(expense, level=class) | rows(general-budget-expense, level=class)', d);
    expect(results.map((r) => `${r.key} ${r.status} ${r.difference}`)).toEqual(['k/201/{$c} pass 0.00', 'k/208/{$c} fail 2.00', 'k/210/{$c} fail -1.00']);
  });

  it('reports a row named by key that the table lacks as skipped, not as a zero', () => {
    const d = doc(coded('expense', ['total'], { '201': ['5.00'] }), coded('general-budget-expense', ['total'], { '201': ['5.00'] }));
    expect(run('expense[total].total = general-budget-expense[total].total', d)).toEqual([]);
    const withTotal = doc(coded('expense', ['total'], { total: ['5.00'] }), coded('general-budget-expense', ['total'], { '201': ['5.00'] }));
    expect(run('expense[total].total = general-budget-expense[total].total', withTotal)).toEqual([{ key: 'k/{$r}/{$c}', status: 'skipped', reason: 'general-budget-expense中未找到“total”行' }]);
  });

  it('reads every cell of an empty table as blank', () => {
    const d = doc(coded('general-budget-basic', ['amount'], { '30212': ['3.00'] }), coded('three-public', ['actual-abroad'], {}, true));
    expect(run('general-budget-basic[30212].amount <= three-public[three-public].actual-abroad', d)).toEqual([
      { key: 'k/{$r}/{$c}', status: 'fail', difference: '3.00', tolerance: '0.005' },
    ]);
  });

  it('treats a part up to its whole as passing, and an excess within the rounding radii as a note', () => {
    const tp = (v: string) => coded('three-public', ['actual-abroad'], { 'three-public': [v] });
    const basic = coded('general-budget-basic', ['amount'], { '30212': ['3.00'] });
    const f = 'general-budget-basic[30212].amount <= three-public[three-public].actual-abroad';
    expect(run(f, doc(basic, tp('5.00')))[0]?.status).toBe('pass');
    expect(run(f, doc(basic, tp('2.99')))[0]?.status).toBe('rounding');
    expect(run(f, doc(basic, tp('2.90')))[0]?.status).toBe('fail');
    expect(run('three-public[three-public].actual-abroad >= general-budget-basic[30212].amount', doc(basic, tp('2.90')))[0]?.status).toBe('fail');
  });

  it('checks only the bindings whose condition holds', () => {
    const d = doc(coded('gov-fund', ['opening', 'income', 'total', 'closing'], { '2120802': ['1.00', '2.00', '3.00', '0.00'], '2120804': ['', '2.00', '1.00', '1.00'] }));
    const f = 'gov-fund[$r].closing = gov-fund[$r].opening + gov-fund[$r].income - gov-fund[$r].total for $r in rows(gov-fund) if present(gov-fund[$r].opening)';
    expect(run(f, d).map((r) => `${r.key} ${r.status}`)).toEqual(['k/2120802/{$c} pass', 'k/2120804/{$c} pass']);
    const none = doc(coded('gov-fund', ['income', 'total', 'closing'], { '2120802': ['2.00', '3.00', '0.00'] }));
    expect(run(f, none)).toEqual([]);
  });

  it('skips a complete identity when the text lost one of its cells', () => {
    const d = doc(coded('three-public', ['actual-total', 'actual-abroad', 'actual-vehicle'], { 'three-public': ['5.00', '2.00', '3.00'] }));
    const f = 'three-public[three-public].actual-total = three-public[three-public].actual-abroad + three-public[three-public].actual-vehicle + three-public[three-public].actual-reception';
    expect(run(f, d, false)[0]?.status).toBe('pass');
    expect(run(f, d, true)).toEqual([{ key: 'k/{$r}/{$c}', status: 'skipped', reason: '表中缺少所需单元格' }]);
  });

  it('adds numbers written in the formula exactly', () => {
    const d = doc(coded('expense', ['total'], { total: ['100.10'] }));
    expect(run('expense[total].total = 100 + 0.1', d)[0]?.status).toBe('pass');
    expect(run('expense[total].total <= 100', d)[0]?.status).toBe('fail');
  });
});

describe('compiling formulas against the catalog', () => {
  const error = (text: string) => {
    const r = compileFormula(text, TABLES);
    return r.ok ? 'ok' : r.error.message.zh;
  };
  it('resolves tables and columns by key, by Chinese name or by title', () => {
    expect(error('收入决算表[total].财政拨款收入 = "一般公共预算财政拨款支出决算表"[total].total')).toBe('ok');
    const r = compileFormula('收入决算表[合计].财政拨款收入 = 财政拨款收入支出决算总表[income:total-income].金额', TABLES);
    expect(r.ok && r.compiled.tables).toEqual(['fiscal-income-expense', 'income']);
  });
  it('names what it cannot resolve', () => {
    expect(error('收入表[total].total = 1')).toBe('未知的表“收入表”');
    expect(error('income[total].库存 = 1')).toBe('收入决算表没有栏目“库存”');
    expect(error('income[$r].total = 1')).toBe('行变量 $r 没有用 for … in rows(…) 绑定');
    expect(error('income[total].$c = 1')).toBe('栏目变量 $c 没有用 for … in columns(…) 绑定');
    expect(error('sum(income[level=kind].total) = 1')).toBe('level 的取值应为 total、class、section、item、line');
    expect(error('sum(income[colour=red].total) = 1')).toBe('未知的筛选字段“colour”（可用 level、side）');
    expect(error('income[total].total = 1 for $r in rows(income), $r in rows(expense)')).toBe('变量 $r 绑定了两次');
  });
  it('points at the character where a formula stops making sense', () => {
    const r = compileFormula('income[total].total == 1', TABLES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.offset).toBe(21);
  });
});
