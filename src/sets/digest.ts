import type { DisclosureDocument } from '../model/document.js';
import { cellAmount } from '../model/document.js';
import type { Location } from '../model/location.js';
import { budgetClaims, finalClaims, type ChangeClaim } from './claims.js';
import { departmentKey } from './department.js';

/** A printed amount as a digest keeps it: exact decimals as strings, so the digest is plain JSON. */
export interface DigestCell {
  /** Value in 万元 and half its last printed digit (the rounding radius). */
  value: string;
  half: string;
  text: string;
  /** Table and row as printed, for messages: 收支预算总表“收入合计”. */
  label: { zh: string; en: string };
  loc: Location;
}

/**
 * What the cross-document rules need of one document, and nothing more: a few cells and the
 * narrative's claims about last year (a 预算's about its totals, a 决算's about any cell above). Plain serialisable data, so that a run over a province keeps
 * one small digest per document (never whole documents) and a worker can send it back as JSON.
 */
export interface DocumentDigest {
  source: string;
  files: string[];
  kind: 'budget' | 'final';
  department?: { name: string; key: string; steps: string[] };
  year?: number;
  cells: Record<string, DigestCell>;
  claims: ChangeClaim[];
}

/** The cells each kind of document gives, by digest key: table, row, column and a label. */
const CELLS: Record<DocumentDigest['kind'], ReadonlyArray<readonly [key: string, table: string, row: string, column: string, zh: string, en: string]>> = {
  budget: [
    ['total', 'budget-summary', 'income:total', 'amount', '收支预算总表“收入合计”', 'budget summary, total income'],
    ['general', 'budget-summary', 'income:general', 'amount', '收支预算总表“一般公共预算”', 'budget summary, general public budget'],
    ['fiscal', 'budget-fiscal-summary', 'income:total', 'amount', '财政拨款收支预算总表“收入合计”', 'fiscal appropriation budget summary, total income'],
    ['three-public', 'budget-three-public', 'total', 'three-total', '“三公”经费预算表“三公”经费小计', '“three public” budget, subtotal'],
  ],
  final: [
    ['opening', 'fiscal-income-expense', 'income:opening', 'amount', '财政拨款收入支出决算总表“年初财政拨款结转和结余”', 'fiscal summary, carried forward at start of year'],
    ['opening-general', 'fiscal-income-expense', 'income:opening-general', 'amount', '财政拨款收入支出决算总表 年初结转和结余“一般公共预算财政拨款”', 'fiscal summary, carried forward at start: general public budget'],
    ['opening-fund', 'fiscal-income-expense', 'income:opening-fund', 'amount', '财政拨款收入支出决算总表 年初结转和结余“政府性基金预算财政拨款”', 'fiscal summary, carried forward at start: government funds'],
    ['opening-capital', 'fiscal-income-expense', 'income:opening-capital', 'amount', '财政拨款收入支出决算总表 年初结转和结余“国有资本经营预算财政拨款”', 'fiscal summary, carried forward at start: state capital'],
    ['closing', 'fiscal-income-expense', 'expense:closing', 'total', '财政拨款收入支出决算总表“年末财政拨款结转和结余”', 'fiscal summary, carried forward at end of year'],
    // The closing balance per fund: in the fund columns of the 年末 line, or (older layouts) on lines of its own.
    ['closing-general', 'fiscal-income-expense', 'expense:closing', 'general', '财政拨款收入支出决算总表 年末结转和结余“一般公共预算财政拨款”', 'fiscal summary, carried forward at end: general public budget'],
    ['closing-general', 'fiscal-income-expense', 'expense:closing-general', 'total', '财政拨款收入支出决算总表 年末结转和结余“一般公共预算财政拨款”', 'fiscal summary, carried forward at end: general public budget'],
    ['closing-fund', 'fiscal-income-expense', 'expense:closing', 'fund', '财政拨款收入支出决算总表 年末结转和结余“政府性基金预算财政拨款”', 'fiscal summary, carried forward at end: government funds'],
    ['closing-fund', 'fiscal-income-expense', 'expense:closing-fund', 'total', '财政拨款收入支出决算总表 年末结转和结余“政府性基金预算财政拨款”', 'fiscal summary, carried forward at end: government funds'],
    ['closing-capital', 'fiscal-income-expense', 'expense:closing', 'capital', '财政拨款收入支出决算总表 年末结转和结余“国有资本经营预算财政拨款”', 'fiscal summary, carried forward at end: state capital'],
    ['closing-capital', 'fiscal-income-expense', 'expense:closing-capital', 'total', '财政拨款收入支出决算总表 年末结转和结余“国有资本经营预算财政拨款”', 'fiscal summary, carried forward at end: state capital'],
    ['three-public-budget', 'three-public', 'three-public', 'budget-total', '“三公”经费支出决算表 预算数“合计”', '“three public” table, budget total'],
    // Figures a 说明 compares with last year (比上年增加…): last year's 决算 prints them in the same cell.
    ['grand-total', 'income-expense', 'income:grand-total', 'amount', '收入支出决算总表“收入总计”', 'income and expenditure summary, grand total'],
    ['income-total', 'income-expense', 'income:total-income', 'amount', '收入支出决算总表“本年收入合计”', 'income and expenditure summary, income of the year'],
    ['expense-total', 'income-expense', 'expense:total-expense', 'amount', '收入支出决算总表“本年支出合计”', 'income and expenditure summary, expenditure of the year'],
    ['fiscal-income', 'income', 'total', 'fiscal', '收入决算表“财政拨款收入”合计', 'income table, fiscal appropriation income'],
    ['fiscal-grand-total', 'fiscal-income-expense', 'income:grand-total', 'amount', '财政拨款收入支出决算总表“收入总计”', 'fiscal summary, grand total'],
    ['general-expense', 'general-budget-expense', 'total', 'total', '一般公共预算财政拨款支出决算表“合计”', 'general public budget expenditure, total'],
    ['general-basic', 'general-budget-expense', 'total', 'basic', '一般公共预算财政拨款支出决算表 基本支出“合计”', 'general public budget expenditure, basic total'],
    ['general-project', 'general-budget-expense', 'total', 'project', '一般公共预算财政拨款支出决算表 项目支出“合计”', 'general public budget expenditure, project total'],
    ['three-public-total', 'three-public', 'three-public', 'actual-total', '“三公”经费支出决算表 决算数“合计”', '“three public” table, actual total'],
    ['three-public-abroad', 'three-public', 'three-public', 'actual-abroad', '“三公”经费支出决算表 决算数“因公出国（境）费”', '“three public” table, actual travel abroad'],
    ['three-public-vehicle', 'three-public', 'three-public', 'actual-vehicle', '“三公”经费支出决算表 决算数“公务用车购置及运行维护费”', '“three public” table, actual official vehicles'],
    ['three-public-purchase', 'three-public', 'three-public', 'actual-purchase', '“三公”经费支出决算表 决算数“公务用车购置费”', '“three public” table, actual vehicle purchase'],
    ['three-public-operation', 'three-public', 'three-public', 'actual-operation', '“三公”经费支出决算表 决算数“公务用车运行维护费”', '“three public” table, actual vehicle operation'],
    ['three-public-reception', 'three-public', 'three-public', 'actual-reception', '“三公”经费支出决算表 决算数“公务接待费”', '“three public” table, actual reception'],
  ],
};

/** The digest cell a 决算 narrative's figure is about: its binding (table, row, column) among the cells above. */
function finalItem(binding: { table: string; row: string; column: string }): string | undefined {
  return CELLS.final.find(([, table, row, column]) => table === binding.table && row === binding.row && column === binding.column)?.[0];
}

/** The digest of a document read as a family of this kind. */
export function digestOf(doc: DisclosureDocument, kind: DocumentDigest['kind']): DocumentDigest {
  const cells: Record<string, DigestCell> = {};
  for (const [key, table, row, column, zh, en] of CELLS[kind]) {
    // The first place that prints the cell gives it.
    if (cells[key]) continue;
    const amount = cellAmount(doc.tables[table]?.rows.find((r) => r.key === row)?.cells[column]);
    if (amount) cells[key] = { value: amount.value.toString(), half: amount.half.toString(), text: amount.text, label: { zh, en }, loc: amount.loc };
  }
  const name = doc.department?.name;
  // A fresh copy: a digest is kept for the whole run, and a substring (a cell's text, a sentence)
  // would otherwise keep the document's whole source text alive with it.
  return structuredClone({
    source: doc.source,
    files: [...doc.files],
    kind,
    ...(name ? { department: { name, ...departmentKey(name) } } : {}),
    ...(doc.year ? { year: doc.year.value } : {}),
    cells,
    claims: kind === 'budget' ? budgetClaims(doc) : finalClaims(doc, finalItem),
  });
}
