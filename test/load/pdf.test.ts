import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { main, type Io } from '../../src/cli/main.js';
import { checkDocument } from '../../src/engine/run.js';
import type { Cell, DisclosureDocument, Row, TableKey } from '../../src/model/document.js';
import { TABLE_KEYS } from '../../src/model/document.js';
import { discover, loadDocument } from '../../src/load/index.js';
import type { Loaded } from '../../src/load/errors.js';

// Reading a PDF takes a few seconds on a slow machine; this bounds a hang, it measures nothing.
const SLOW = 120_000;
/** The page of the sample PDF that prints the 支出决算表. */
const EXPENSE_PAGE = 6;

async function load(file: string): Promise<Loaded<DisclosureDocument>> {
  const [source] = await discover([file]);
  if (!source) throw new Error(`nothing found at ${file}`);
  return loadDocument(source);
}

function loaded(result: Loaded<DisclosureDocument>): DisclosureDocument {
  if (!result.ok) throw new Error(`not loaded: ${JSON.stringify(result.error)}`);
  return result.value;
}

function row(doc: DisclosureDocument, table: TableKey, key: string): Row {
  const found = doc.tables[table]?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${table}`);
  return found;
}

/** A cell as printed: its text, or '' when the cell is empty. */
function text(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  return cell.kind === 'amount' ? cell.amount.text : cell.kind === 'blank' ? '' : cell.kind === 'invalid' ? `invalid:${cell.text}` : cell.kind;
}

function cells(r: Row): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, text(c)]));
}

/** The generated Shanghai-layout sample printed by Chromium (scripts/fixtures/shanghai.mjs). */
const SAMPLE = 'fixtures/shanghai-sample-2024';

describe('shanghai-sample-2024.pdf', () => {
  let doc: DisclosureDocument;
  beforeAll(async () => {
    doc = loaded(await load(`${SAMPLE}.pdf`));
  }, SLOW);

  it('finds all nine tables, the department and the year, with nothing left unread', () => {
    expect(Object.keys(doc.tables).sort()).toEqual([...TABLE_KEYS].sort());
    expect(doc.format).toBe('pdf');
    expect(doc.department?.name).toBe('示例区示例局');
    expect(doc.year?.value).toBe(2024);
    expect(doc.issues).toEqual([]);
    expect(doc.tables['gov-fund']?.empty).toBe(false);
    expect(doc.tables['state-capital']?.empty).toBe(true);
    expect(doc.tables['state-capital']?.notes.map((n) => n.text)).toEqual(['注：示例区示例局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。']);
  });

  it('reads the summary table on both sides', () => {
    expect(cells(row(doc, 'income-expense', 'income:total-income'))).toEqual({ amount: '2,310.41' });
    expect(cells(row(doc, 'income-expense', 'income:opening'))).toEqual({ amount: '44.40' });
    expect(cells(row(doc, 'income-expense', 'expense:closing'))).toEqual({ amount: '76.05' });
    expect(cells(row(doc, 'income-expense', 'income:grand-total'))).toEqual({ amount: '2,354.81' });
    expect(cells(row(doc, 'income-expense', 'expense:grand-total'))).toEqual({ amount: '2,354.81' });
    // A blank cell is blank, not zero.
    expect(cells(row(doc, 'income-expense', 'income:superior'))).toEqual({ amount: '' });
  });

  it('puts every amount of the income and expense tables in its own column', () => {
    expect(cells(row(doc, 'income', 'total'))).toEqual({
      total: '2,310.41',
      fiscal: '2,257.21',
      superior: '',
      business: '48.20',
      operation: '',
      affiliated: '',
      other: '5.00',
    });
    expect(cells(row(doc, 'income', '2010502'))).toMatchObject({ total: '85.85', fiscal: '80.85', other: '5.00' });
    const running = row(doc, 'expense', '2010501');
    expect(running.label).toBe('行政运行');
    expect(cells(running)).toEqual({ total: '1,280.77', basic: '1,268.37', project: '12.40', remit: '', operation: '', subsidy: '' });
    expect(running.loc).toMatchObject({ file: `${SAMPLE}.pdf`, page: EXPENSE_PAGE });
    const basic = running.cells['basic'];
    expect(basic?.kind === 'amount' ? basic.amount.loc : undefined).toMatchObject({ page: EXPENSE_PAGE, table: 'expense', row: '2010501', column: 'basic' });
    expect(row(doc, 'expense', '2080505').label).toBe('机关事业单位基本养老保险缴费支出');
    expect(cells(row(doc, 'expense', 'total'))).toMatchObject({ total: '2,278.76', basic: '2,038.76', project: '240.00' });
  });

  it('reads the basic-expenditure panels and their totals', () => {
    expect(cells(row(doc, 'general-budget-basic', '30201'))).toEqual({ amount: '18.64' });
    expect(cells(row(doc, 'general-budget-basic', '30214'))).toEqual({ amount: '' });
    expect(row(doc, 'general-budget-basic', '30212').label).toBe('因公出国（境）费用');
    expect(cells(row(doc, 'general-budget-basic', '30299'))).toEqual({ amount: '5.47' });
    expect(cells(row(doc, 'general-budget-basic', 'personnel-total'))).toEqual({ amount: '1,788.42' });
    expect(cells(row(doc, 'general-budget-basic', 'public-total'))).toEqual({ amount: '195.54' });
  });

  it('places the twelve figures of the 三公 table under 预算数 and 决算数 of each item', () => {
    expect(cells(row(doc, 'three-public', 'three-public'))).toEqual({
      'budget-total': '31.40',
      'actual-total': '29.78',
      'budget-abroad': '3.00',
      'actual-abroad': '2.46',
      'budget-vehicle': '26.80',
      'actual-vehicle': '26.20',
      'budget-purchase': '22.00',
      'actual-purchase': '21.85',
      'budget-operation': '4.80',
      'actual-operation': '4.35',
      'budget-reception': '1.60',
      'actual-reception': '1.12',
    });
  });

  it('runs every check and fails none: the sample is consistent throughout', () => {
    const checked = checkDocument(doc);
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(checked.checks.failed).toBe(0);
    expect(checked.checks.skipped).toBe(0);
    expect(checked.checks.run).toBeGreaterThan(250);
  });
});

describe('shanghai-sample-2024-seeded.pdf', () => {
  let doc: DisclosureDocument;
  beforeAll(async () => {
    doc = loaded(await load(`${SAMPLE}-seeded.pdf`));
  }, SLOW);

  it('lacks exactly the 支出决算表, which the check reports', () => {
    expect(TABLE_KEYS.filter((k) => !doc.tables[k])).toEqual(['expense']);
    expect(doc.issues).toEqual([]);
    const tableRules = new Set(RULES.filter((r) => r.meta.tags.includes('table') || r.meta.tags.includes('cross-table') || r.meta.tags.includes('completeness')).map((r) => r.meta.id));
    const errors = checkDocument(doc).findings.filter((f) => f.severity === 'error' && tableRules.has(f.rule));
    expect(errors.map((f) => f.rule)).toEqual(['table-missing']);
    expect(cells(row(doc, 'general-budget-expense', '2010501'))).toEqual({ total: '1,280.77', basic: '1,268.37', project: '12.40' });
  });
});

describe('shanghai-sample-2024.narrow-headers.pdf (财政拨款收入支出决算总表 with headings wrapped over three lines)', () => {
  it('reads the 合计 column between the wrapped headings, and runs every check the regular print runs', async () => {
    const narrow = loaded(await load(`${SAMPLE}.narrow-headers.pdf`));
    const regular = loaded(await load(`${SAMPLE}.pdf`));
    const table = narrow.tables['fiscal-income-expense'];
    expect(table?.columns.map((c) => `${c.side}:${c.key}`)).toEqual(['income:amount', 'expense:total', 'expense:general', 'expense:fund', 'expense:capital']);
    expect(cells(row(narrow, 'fiscal-income-expense', 'expense:class-201'))).toEqual(cells(row(regular, 'fiscal-income-expense', 'expense:class-201')));
    const checked = checkDocument(narrow);
    expect(checked.checks).toEqual(checkDocument(regular).checks);
    expect(checked.findings).toEqual([]);
  }, SLOW);
});

describe('PDFs that cannot be read', () => {
  it('a scan (a page with an image and no text) has no text layer', async () => {
    const result = await load('fixtures/bad/scan.pdf');
    expect(result).toEqual({ ok: false, error: { kind: 'no-text-layer', file: 'fixtures/bad/scan.pdf', page: 1 } });
  }, SLOW);

  it('a truncated file is a damaged PDF', async () => {
    const result = await load('fixtures/bad/truncated.pdf');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'pdf', file: 'fixtures/bad/truncated.pdf', page: 0 });
  }, SLOW);

  it('an encrypted file asks for a password', async () => {
    const result = await load('fixtures/bad/encrypted.pdf');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'pdf', page: 0, detail: expect.stringMatching(/password/) });
  }, SLOW);

  it('the CLI says so in one line and exits 2', async () => {
    let stderr = '';
    const io: Io = { stdout: () => undefined, stderr: (s) => (stderr += s), env: {}, isTTY: false };
    const code = await main(['check', 'fixtures/bad/truncated.pdf', '--lang', 'en'], io);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual(['zjs: error: fixtures/bad/truncated.pdf: cannot read the PDF (not a valid PDF: Invalid PDF structure)']);
  }, SLOW);

  it('PDFs are found when a folder is searched', async () => {
    const found = await discover(['fixtures/bad']);
    expect(found.filter((s) => s.kind === 'pdf').map((s) => [s.kind, s.source])).toEqual([
      ['pdf', 'fixtures/bad/encrypted.pdf'],
      ['pdf', 'fixtures/bad/scan.pdf'],
      ['pdf', 'fixtures/bad/truncated.pdf'],
    ]);
  });
});
