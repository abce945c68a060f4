import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, type CheckedDocument } from '../../src/engine/run.js';
import { discover, documentFromText, loadDocument } from '../../src/load/index.js';
import type { Cell, DisclosureDocument, TableKey } from '../../src/model/document.js';
import { TABLE_KEYS } from '../../src/model/document.js';
import type { Finding } from '../../src/model/finding.js';
import { RULES } from '../../src/rules/index.js';
import { rowOf } from '../../src/rules/support/tables.js';

// Reading a PDF takes a few seconds on a slow machine; this bounds a hang, it measures nothing.
const SLOW = 120_000;

async function load(path: string): Promise<DisclosureDocument> {
  const [source] = await discover([path]);
  if (!source) throw new Error(`nothing found at ${path}`);
  const loaded = await loadDocument(source);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}

/** A finding without where it stands: rule, severity, message and numbers only. */
const essence = (f: Finding) => ({
  rule: f.rule,
  id: f.id,
  severity: f.severity,
  status: f.status,
  message: f.message,
  expected: f.expected,
  actual: f.actual,
  difference: f.difference,
  tolerance: f.tolerance,
  at: f.locations.map((l) => [l.table, l.row, l.column].join('/')),
});

const text = (cell: Cell | undefined): string | undefined =>
  cell === undefined ? undefined : cell.kind === 'amount' ? cell.amount.text : cell.kind === 'blank' ? '' : cell.kind === 'unknown' ? '?' : `!${cell.text}`;
const amount = (doc: DisclosureDocument, table: TableKey, row: string, column: string): string | undefined => text(rowOf(doc.tables[table], row)?.cells[column]);

/**
 * Findings in an order that does not depend on where lines wrap: two findings on one line are
 * ordered by id, and a sentence wrapped elsewhere puts its figures on other lines.
 */
const sorted = (findings: readonly Finding[]) => findings.map(essence).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** The errors a document reports, by rule and message. */
const errorsOf = (doc: CheckedDocument) => doc.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);

/** Rules that check tables, within one or across several (not input or completeness rules). */
const NARRATIVE = new Set(RULES.filter((r) => r.meta.tags.includes('narrative')).map((r) => r.meta.id));
const TABLE_RULES = new Set(RULES.filter((r) => r.meta.tags.some((t) => t === 'table' || t === 'cross-table')).map((r) => r.meta.id));

describe('the Zhuzhou document printed to PDF, and that PDF as pdftotext -layout text', () => {
  let tab: CheckedDocument;
  beforeAll(async () => {
    tab = checkDocument(await load('fixtures/zhuzhou-hrss-2023.txt'));
  });

  it(
    'gives the same findings from the PDF as from the tab-separated text (only locations differ)',
    async () => {
      const pdf = checkDocument(await load('fixtures/zhuzhou-hrss-2023.pdf'));
      expect(sorted(pdf.findings)).toEqual(sorted(tab.findings));
      expect(pdf.checks).toEqual(tab.checks);
    },
    SLOW,
  );

  it('gives the same findings from the space-aligned text as from the tab-separated text', async () => {
    const layout = checkDocument(await load('fixtures/zhuzhou-hrss-2023.layout.txt'));
    expect(sorted(layout.findings)).toEqual(sorted(tab.findings));
    expect(layout.checks).toEqual(tab.checks);
    expect([layout.department, layout.year]).toEqual([tab.department, tab.year]);
  });

  it('reads the same cells from the space-aligned text, wrapped names and the 三公 lone lines included', async () => {
    const [a, b] = [await load('fixtures/zhuzhou-hrss-2023.txt'), await load('fixtures/zhuzhou-hrss-2023.layout.txt')];
    for (const key of TABLE_KEYS) {
      const cells = (doc: DisclosureDocument) => doc.tables[key]?.rows.map((r) => [r.key, r.label, Object.entries(r.cells).map(([c, v]) => `${c}=${text(v)}`)]);
      expect(cells(b), key).toEqual(cells(a));
    }
    expect(rowOf(b.tables.income, '20801')?.label).toBe('人力资源和社会保障管理事务');
    expect(b.tables['general-budget-basic']?.groups).toEqual(a.tables['general-budget-basic']?.groups);
    expect(b.issues).toEqual(a.issues.map((i) => ({ ...i, loc: expect.objectContaining({ table: i.loc.table }) })));
  });
});

describe('the Zhuzhou text printed one cell a line, empty cells as empty lines', () => {
  it('reads the coded tables whole and reports the errors the tab-separated text reports, no other', async () => {
    const tab = await load('fixtures/zhuzhou-hrss-2023.txt');
    const lines = readFileSync('fixtures/zhuzhou-hrss-2023.txt', 'utf8').split('\n');
    const cells = lines.flatMap((l) => (l.includes('\t') ? l.split('\t').map((c) => c.trim()) : [l])).join('\n');
    const doc = documentFromText('zhuzhou-cells.txt', cells);
    const checked = checkDocument(doc);
    // The three narrative slips of the Zhuzhou text (README), and nothing from the tables.
    expect(errorsOf(checked)).toEqual(errorsOf(checkDocument(tab)));
    expect(errorsOf(checked)).toHaveLength(3);
    for (const key of ['income', 'expense', 'general-budget-expense', 'general-budget-basic', 'income-expense'] as const) {
      const read = (d: DisclosureDocument) => d.tables[key]?.rows.map((r) => [r.key, Object.entries(r.cells).map(([c, v]) => `${c}=${text(v)}`)]);
      expect(read(doc), key).toEqual(read(tab));
    }
  });
});

/** The generated Shanghai-layout sample (scripts/fixtures/shanghai.mjs): its plain extraction, seeded copy and pdftotext -layout text. */
const SAMPLE = 'fixtures/shanghai-sample-2024';

/** The totals of the two summary tables, as the sample prints them. */
function expectSummaryTotals(doc: DisclosureDocument): void {
  expect(amount(doc, 'income-expense', 'income:total-income', 'amount')).toBe('2,310.41');
  expect(amount(doc, 'income-expense', 'expense:total-expense', 'amount')).toBe('2,278.76');
  expect(amount(doc, 'income-expense', 'income:opening', 'amount')).toBe('44.40');
  expect(amount(doc, 'income-expense', 'expense:closing', 'amount')).toBe('76.05');
  expect(amount(doc, 'income-expense', 'income:grand-total', 'amount')).toBe('2,354.81');
  expect(amount(doc, 'income-expense', 'expense:grand-total', 'amount')).toBe('2,354.81');
  expect(amount(doc, 'fiscal-income-expense', 'income:grand-total', 'amount')).toBe('2,295.61');
  expect(amount(doc, 'fiscal-income-expense', 'expense:grand-total', 'total')).toBe('2,295.61');
  expect(amount(doc, 'fiscal-income-expense', 'income:opening', 'amount')).toBe('38.40');
  expect(amount(doc, 'fiscal-income-expense', 'expense:closing', 'total')).toBe('62.75');
}

/** How many values each table placed and left unplaced, as the cells-unplaced warnings say. */
function placement(doc: DisclosureDocument): Record<string, string> {
  return Object.fromEntries(doc.issues.filter((i) => i.code === 'cells-unplaced').map((i) => [i.loc.table ?? '', `${i.params.placed} placed, ${i.params.unplaced} unplaced`]));
}

describe('the sample as a plain text extraction (empty cells gone)', () => {
  let doc: DisclosureDocument;
  let checked: CheckedDocument;
  beforeAll(async () => {
    doc = await load(`${SAMPLE}.txt`);
    checked = checkDocument(doc);
  });

  it('finds the nine tables and reports no error at all: every identity of the sample holds', () => {
    expect(Object.keys(doc.tables).sort()).toEqual([...TABLE_KEYS].sort());
    expect(errorsOf(checked)).toEqual([]);
    expect(checked.findings.filter((f) => TABLE_RULES.has(f.rule) && f.status === 'fail')).toEqual([]);
    expect([doc.department?.name, doc.year?.value]).toEqual(['示例区示例局', 2024]);
  });

  it('reads the totals of both summary tables by their labels', () => {
    expectSummaryTotals(doc);
    // Every line of the 收入支出决算总表 holds label, value, label, value: all of it is read.
    expect(doc.tables['income-expense']?.rows.every((r) => Object.values(r.cells).every((c) => c.kind !== 'unknown'))).toBe(true);
  });

  it('places the values it can be sure of and reports the rest, table by table', () => {
    expect(placement(doc)).toEqual({
      // Its 合计 row by the income per source of the 收入支出决算总表.
      income: '25 placed, 27 unplaced',
      'fiscal-income-expense': '13 placed, 13 unplaced',
    });
    // The 一般公共预算 table's shorter rows are placed by its column sums (合计 = Σ 类 = Σ 款 = Σ 项).
    expect(['total', 'basic', 'project'].map((c) => amount(doc, 'general-budget-expense', '2010502', c))).toEqual(['86.50', '', '86.50']);
    // A row with fewer values than columns: its first value is its total, the rest unknown.
    // (其他收入 is blank in every placement the sums allow: the 5.00 of 合计 is 2010502's.)
    expect(['total', 'fiscal', 'other'].map((c) => amount(doc, 'income', '2010501', c))).toEqual(['1,280.77', '?', '']);
    // The 支出决算表 is placed whole: its values on lines of their own go to the rows they complete,
    // and the 一般公共预算 table's rows are floors for its columns, which the column sums then settle.
    expect(['total', 'basic', 'project', 'remit'].map((c) => amount(doc, 'expense', '2010501', c))).toEqual(['1,280.77', '1,268.37', '12.40', '']);
    expect(['total', 'basic', 'project'].map((c) => amount(doc, 'expense', 'total', c))).toEqual(['2,278.76', '2,038.76', '240.00']);
    // A row with a value for every column is placed whole; so is a name wrapped around its row.
    expect(['total', 'basic', 'project'].map((c) => amount(doc, 'general-budget-expense', '2010501', c))).toEqual(['1,280.77', '1,268.37', '12.40']);
    expect(['opening', 'income', 'total', 'basic', 'project', 'closing'].map((c) => amount(doc, 'gov-fund', '2120804', c))).toEqual(['20.00', '180.00', '150.00', '12.00', '138.00', '50.00']);
    expect(rowOf(doc.tables.income, '2080506')?.label).toBe('机关事业单位职业年金缴费支出');
    // The basic table's entries stand whole on their lines: all of it is read.
    expect(amount(doc, 'general-budget-basic', 'personnel-total', 'amount')).toBe('1,788.42');
  });

  it('skips the checks that need a cell it could not place', () => {
    const skipped = checked.findings.filter((f) => f.status === 'skipped').map((f) => f.id);
    expect(skipped).toContain('income-row-sum:income/2010501/total');
  });

  it('places the twelve values of the 三公 line by its sums, the one column order under which all four hold, and says so', () => {
    const keys = ['total', 'abroad', 'vehicle', 'purchase', 'operation', 'reception'];
    expect(keys.map((k) => amount(doc, 'three-public', 'three-public', `budget-${k}`))).toEqual(['31.40', '3.00', '26.80', '22.00', '4.80', '1.60']);
    expect(keys.map((k) => amount(doc, 'three-public', 'three-public', `actual-${k}`))).toEqual(['29.78', '2.46', '26.20', '21.85', '4.35', '1.12']);
    const chosen = checked.findings.filter((f) => f.messageId === 'columns-chosen');
    expect(chosen.map((f) => [f.severity, f.params['holding'], f.params['sums']])).toEqual([['info', '4', '4']]);
    expect(checked.findings.filter((f) => f.rule === 'three-public-sum' && f.status !== 'rounding')).toEqual([]);
  });

  it('places them by the sums that still hold when a value is changed, and the changed value fails its sums at that line', () => {
    // 预算数 of 公务用车购置及运行维护费 26.80 → 4.80: the 决算数 sums still settle the order.
    const text = readFileSync(`${SAMPLE}.txt`, 'utf8').replace('31.40\t29.78\t3.00\t2.46\t26.80', '31.40\t29.78\t3.00\t2.46\t4.80');
    const planted = checkDocument(documentFromText(`${SAMPLE}.txt`, text));
    expect(planted.findings.filter((f) => f.messageId === 'columns-chosen').map((f) => [f.params['holding'], f.params['sums']])).toEqual([['2', '4']]);
    const line = text.split('\n').findIndex((l) => l.startsWith('31.40\t29.78')) + 1;
    const errors = planted.findings.filter((f) => f.rule === 'three-public-sum' && f.severity === 'error');
    expect(errors.map((f) => f.locations[0]?.line)).toEqual([line, line]);
    expect(errors.every((f) => f.locations.some((l) => l.column === 'budget-vehicle'))).toBe(true);
  });

  it('reports a changed value as “no placement is consistent” at its row, and still places the rows around it', () => {
    // 2010502 一般行政管理事务 of the 支出决算表, 项目支出 89.60 → 88.60: no columns make 89.60 = 88.60.
    const row2010502 = '201\t05\t02\t一般行政管理事务\t89.60\t89.60';
    const text = readFileSync(`${SAMPLE}.txt`, 'utf8').replace(row2010502, '201\t05\t02\t一般行政管理事务\t89.60\t88.60');
    const line = text.split('\n').findIndex((l) => l.startsWith('201\t05\t02\t一般行政管理事务\t89.60\t88.60')) + 1;
    const planted = documentFromText(`${SAMPLE}.txt`, text);
    const findings = checkDocument(planted).findings.filter((f) => f.messageId === 'placement-inconsistent');
    expect(findings.map((f) => [f.severity, f.locations[0]?.line, f.params['text']])).toEqual([['warning', line, '201 05 02 一般行政管理事务 89.60 88.60']]);
    expect(['total', 'basic', 'project'].map((c) => amount(planted, 'expense', '2010502', c))).toEqual(['?', '?', '?']);
    expect(['total', 'basic', 'project'].map((c) => amount(planted, 'expense', '2010501', c))).toEqual(['1,280.77', '1,268.37', '12.40']);
    // Unchanged, nothing is reported.
    expect(checked.findings.filter((f) => f.messageId === 'placement-inconsistent')).toEqual([]);
  });

  it('reports a changed value of the 收入决算表 at its row too, where its sums are too many to place the rows', () => {
    // 2010502 of the 收入决算表: 其他收入 5.00 → 6.00, so that 85.85 ≠ 80.85 + 6.00 whatever the columns.
    const text = readFileSync(`${SAMPLE}.txt`, 'utf8').replace('201\t05\t02\t一般行政管理事务\t85.85\t80.85\t5.00', '201\t05\t02\t一般行政管理事务\t85.85\t80.85\t6.00');
    const findings = checkDocument(documentFromText(`${SAMPLE}.txt`, text)).findings.filter((f) => f.messageId === 'placement-inconsistent');
    expect(findings.map((f) => [f.locations[0]?.table, f.params['row']])).toEqual([['income', '2010502']]);
  });

  it('still reads the narrative as narrative', () => {
    expect(doc.narrative.some((l) => l.text.startsWith('示例区示例局2024年度收入支出总计2354.81万元'))).toBe(true);
    expect(doc.narrative.some((l) => l.text === '一、收入支出决算总体情况说明')).toBe(true);
  });
});

describe('the seeded sample as plain text', () => {
  it('recognises the eight tables it has, reports the removed 支出决算表, and no other table error', async () => {
    const doc = await load(`${SAMPLE}-seeded.txt`);
    const checked = checkDocument(doc);
    expect(Object.keys(doc.tables).sort()).toEqual(TABLE_KEYS.filter((k) => k !== 'expense').sort());
    // The narrative defects planted in it are test/narrative/seeded.test.ts's concern.
    expect(checked.findings.filter((f) => f.severity === 'error' && !NARRATIVE.has(f.rule)).map((f) => f.id)).toEqual(['table-missing:missing/expense']);
    expectSummaryTotals(doc);
    expect(amount(doc, 'general-budget-basic', '30101', 'amount')).toBe('402.15');
    expect(placement(doc)['general-budget-basic']).toBeUndefined();
  });
});

describe('the sample PDF as pdftotext -layout text', () => {
  it('reports no error, reading what the positions settle and the rest as a plain extraction', async () => {
    const doc = await load(`${SAMPLE}.layout.txt`);
    const checked = checkDocument(doc);
    expect(Object.keys(doc.tables).sort()).toEqual([...TABLE_KEYS].sort());
    expect(errorsOf(checked)).toEqual([]);
    expectSummaryTotals(doc);
    expect(['total', 'basic', 'project'].map((c) => amount(doc, 'general-budget-expense', '2010502', c))).toEqual(['86.50', '', '86.50']);
  });
});
