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

describe('putuo-finance-2024.pdf', () => {
  let doc: DisclosureDocument;
  beforeAll(async () => {
    doc = loaded(await load('fixtures/putuo-finance-2024.pdf'));
  }, SLOW);

  it('finds all nine tables, the department and the year, with nothing left unread', () => {
    expect(Object.keys(doc.tables).sort()).toEqual([...TABLE_KEYS].sort());
    expect(doc.format).toBe('pdf');
    expect(doc.department?.name).toBe('上海市普陀区财政局');
    expect(doc.year?.value).toBe(2024);
    expect(doc.issues).toEqual([]);
    expect(doc.tables['gov-fund']?.empty).toBe(true);
    expect(doc.tables['state-capital']?.empty).toBe(true);
    expect(doc.tables['gov-fund']?.notes.map((n) => n.text)).toEqual(['注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。']);
  });

  it('reads the summary table on both sides, over its page break', () => {
    expect(cells(row(doc, 'income-expense', 'income:total-income'))).toEqual({ amount: '2,946.25' });
    expect(cells(row(doc, 'income-expense', 'income:opening'))).toEqual({ amount: '49.14' });
    expect(cells(row(doc, 'income-expense', 'expense:closing'))).toEqual({ amount: '55.34' });
    expect(cells(row(doc, 'income-expense', 'income:grand-total'))).toEqual({ amount: '2,995.39' });
    expect(cells(row(doc, 'income-expense', 'expense:grand-total'))).toEqual({ amount: '2,995.39' });
    expect(row(doc, 'income-expense', 'expense:grand-total').loc).toMatchObject({ page: 7, line: 3 });
  });

  it('puts every amount of the income and expense tables in its own column', () => {
    expect(cells(row(doc, 'income', 'total'))).toEqual({
      total: '2,946.25',
      fiscal: '2,940.05',
      superior: '',
      business: '',
      operation: '',
      affiliated: '',
      other: '6.20',
    });
    expect(cells(row(doc, 'income', '2010601'))).toMatchObject({ total: '1,511.90', fiscal: '1,511.89', other: '0.01' });
    const running = row(doc, 'expense', '2010601');
    expect(running.label).toBe('行政运行');
    expect(cells(running)).toEqual({ total: '1,511.89', basic: '1,503.52', project: '8.37', remit: '', operation: '', subsidy: '' });
    expect(running.loc).toMatchObject({ file: 'fixtures/putuo-finance-2024.pdf', page: 10 });
    const basic = running.cells['basic'];
    expect(basic?.kind === 'amount' ? basic.amount.loc : undefined).toMatchObject({ page: 10, table: 'expense', row: '2010601', column: 'basic' });
    // A name wrapped over two printed lines is one row.
    expect(row(doc, 'expense', '2080505').label).toBe('机关事业单位基本养老保险缴费支出');
    expect(cells(row(doc, 'expense', 'total'))).toMatchObject({ total: '2,940.05', basic: '2,336.91', project: '603.14' });
  });

  it('reads the basic-expenditure panels and their totals', () => {
    expect(cells(row(doc, 'general-budget-basic', '30201'))).toEqual({ amount: '21.21' });
    expect(cells(row(doc, 'general-budget-basic', '30231'))).toEqual({ amount: '' });
    expect(row(doc, 'general-budget-basic', '30212').label).toBe('因公出国（境）费用');
    expect(cells(row(doc, 'general-budget-basic', '30299'))).toEqual({ amount: '11.53' });
    expect(cells(row(doc, 'general-budget-basic', 'personnel-total'))).toEqual({ amount: '2,152.26' });
    expect(cells(row(doc, 'general-budget-basic', 'public-total'))).toEqual({ amount: '184.65' });
    expect(row(doc, 'general-budget-basic', 'public-total').loc.page).toBe(17);
  });

  it('places the two 0.95 of the 三公 table under 预算数 of 合计 and of 公务接待费', () => {
    const c = cells(row(doc, 'three-public', 'three-public'));
    expect(c['budget-total']).toBe('0.95');
    expect(c['budget-reception']).toBe('0.95');
    for (const key of ['actual-total', 'budget-abroad', 'actual-abroad', 'budget-vehicle', 'actual-vehicle', 'budget-purchase', 'actual-purchase', 'budget-operation', 'actual-operation', 'actual-reception']) {
      expect(c[key], key).toBe('');
    }
  });

  it('checks without table errors: its table differences are rounding tails', () => {
    const checked = checkDocument(doc);
    const tableRules = new Set(RULES.filter((r) => r.meta.tags.includes('table') || r.meta.tags.includes('cross-table')).map((r) => r.meta.id));
    expect(checked.findings.filter((f) => f.severity === 'error' && tableRules.has(f.rule))).toEqual([]);
    // The narrative's two real slips: 财政拨款收入支出总计 0.3万元 (the table: 2,961.68), and
    // 一般公共服务支出 2,106.66 / 2,940.05 = 71.65%, printed 71.73%.
    const errors = checked.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.actual])).toEqual([
      ['narrative-amount', '0.30'],
      ['narrative-share', '71.73'],
    ]);
    expect(checked.checks.rounding).toBeGreaterThan(0);
    const tail = checked.findings.find((f) => f.rule === 'cross-expense-classes');
    expect(tail?.status).toBe('rounding');
    expect(tail?.locations[0]).toMatchObject({ page: 6 });
  });
});

describe('putuo-finance-2024-seeded.pdf', () => {
  let doc: DisclosureDocument;
  beforeAll(async () => {
    doc = loaded(await load('fixtures/putuo-finance-2024-seeded.pdf'));
  }, SLOW);

  it('lacks exactly the 支出决算表, which the check reports', () => {
    expect(TABLE_KEYS.filter((k) => !doc.tables[k])).toEqual(['expense']);
    expect(doc.issues).toEqual([]);
    const tableRules = new Set(RULES.filter((r) => r.meta.tags.includes('table') || r.meta.tags.includes('cross-table') || r.meta.tags.includes('completeness')).map((r) => r.meta.id));
    const errors = checkDocument(doc).findings.filter((f) => f.severity === 'error' && tableRules.has(f.rule));
    expect(errors.map((f) => f.rule)).toEqual(['table-missing']);
    expect(cells(row(doc, 'general-budget-expense', '2010601'))).toEqual({ total: '1,511.89', basic: '1,503.52', project: '8.37' });
  });
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
