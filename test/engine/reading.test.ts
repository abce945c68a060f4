import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../../src/engine/run.js';
import type { Finding } from '../../src/model/finding.js';
import { SYNTHETIC } from '../support/planted.js';
import { checkText, errors, loadText, plant, readFixture, ZHUZHOU } from '../support/fixtures.js';

const unreliable = (checked: CheckedDocument): Finding[] => checked.findings.filter((f) => f.messageId === 'table-unreliable');
const tableErrors = (checked: CheckedDocument): string[] => errors(checked).filter((f) => !f.rule.startsWith('narrative-') && f.rule !== 'empty-table-note').map((f) => `${f.rule} ${f.message}`);

const zhuzhou = readFixture(ZHUZHOU);
const clean = checkText(zhuzhou);

/** The Zhuzhou text with one change on every row of a table that prints the given column. */
function everyRow(table: 'expense' | 'income', column: string, change: (text: string, line: number, field: number, value: string) => string): string {
  const doc = loadText(zhuzhou);
  let text = zhuzhou;
  for (const row of doc.tables[table]?.rows ?? []) {
    const cell = row.cells[column];
    if (cell?.kind !== 'amount' || cell.amount.loc.field === undefined) continue;
    text = change(text, cell.amount.loc.line, cell.amount.loc.field, cell.amount.text);
  }
  return text;
}

describe('a table that could not be read reliably', () => {
  it('the clean Zhuzhou text has none', () => {
    expect(unreliable(clean)).toEqual([]);
  });

  it('a whole 合计 column blank while its parts are printed: one warning with why, its checks skipped and counted, no table error', () => {
    const checked = checkText(everyRow('expense', 'total', (text, line, field, value) => plant(text, line, value, '', field)));
    const [warning, ...more] = unreliable(checked);
    expect(more).toEqual([]);
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/^支出决算表未能可靠读取：“本年支出合计”列整列为空或为零，而 \d+ 行的分项有数；.*依赖该表的 \d+ 项不符检查已跳过/);
    expect(tableErrors(checked)).toEqual([]);
    const skipped = checked.findings.filter((f) => f.status === 'skipped' && f.reason?.startsWith('支出决算表未能可靠读取'));
    expect(skipped.length).toBeGreaterThan(40);
    expect(checked.checks.skipped).toBe(clean.checks.skipped + skipped.length);
    // The narrative's real errors are still found.
    expect(errors(checked).filter((f) => f.rule.startsWith('narrative-')).map((f) => f.id)).toEqual(errors(clean).filter((f) => f.rule.startsWith('narrative-')).map((f) => f.id));
  });

  it('in English too', () => {
    const checked = checkText(everyRow('expense', 'total', (text, line, field, value) => plant(text, line, value, '', field)), ZHUZHOU, { lang: 'en' });
    expect(unreliable(checked)[0]?.message).toMatch(/^The expenditure table could not be read reliably: the “本年支出合计” column is blank or zero throughout/);
  });

  it('a column read twice (基本支出 printed again under 上缴上级支出): most failing rows are off by the value of that column', () => {
    // 上缴上级支出 is 0.00 on every row of the Zhuzhou 支出决算表: it takes the 基本支出 of each row.
    const checked = checkText(
      everyRow('expense', 'basic', (text, line, field, value) => {
        const remit = text.split('\n')[line - 1]?.split('\t')[field + 1]?.trim() ?? '';
        return value !== '0.00' && /^(0\.00)?$/.test(remit) ? plant(text, line, remit, value, field + 2) : text;
      }),
    );
    const [warning, ...more] = unreliable(checked);
    expect(more).toEqual([]);
    expect(warning?.message).toMatch(/^支出决算表未能可靠读取：\d+ 行中有 \d+ 行的合计与分项之差恰为同行“基本支出”列的数/);
    expect(tableErrors(checked)).toEqual([]);
  });

  it('a table read one column over (the 政府性基金 table shifted right, its last column lost): one warning, not a row of errors', () => {
    const synthetic = readFixture(SYNTHETIC);
    const lines = synthetic.split('\n');
    const start = lines.findIndex((l) => l.startsWith('政府性基金预算财政拨款收入支出决算表'));
    const shifted = lines.map((line, i) => {
      if (i < start || i > start + 20 || !/^(合计|\d{3,7})\t/.test(line)) return line;
      const fields = line.split('\t');
      return [fields[0], fields[1], '', ...fields.slice(2, -1)].join('\t');
    });
    const before = checkText(synthetic, SYNTHETIC);
    const checked = checkText(shifted.join('\n'), SYNTHETIC);
    expect(unreliable(before)).toEqual([]);
    const [warning, ...more] = unreliable(checked);
    expect(more).toEqual([]);
    expect(warning?.message).toMatch(/^政府性基金预算财政拨款收入支出决算表未能可靠读取：\d+ 项行内检查不成立，而把每个数读到相邻一列时/);
    expect(tableErrors(checked)).toEqual([]);
  });

  it('a single misprint (one cell off by 1.00) stays an error at its cell, with no warning', () => {
    const doc = loadText(zhuzhou);
    const cell = doc.tables.expense?.rows.find((r) => r.key === '2080505')?.cells['basic'];
    if (cell?.kind !== 'amount' || cell.amount.loc.field === undefined) throw new Error('no 2080505 基本支出 in the Zhuzhou text');
    const { line, field } = cell.amount.loc;
    const changed = cell.amount.value.plus(1).toFixed(2);
    const checked = checkText(plant(zhuzhou, line, cell.amount.text, changed, field));
    expect(unreliable(checked)).toEqual([]);
    expect(errors(checked).some((f) => f.locations.some((l) => l.line === line && l.field === field))).toBe(true);
  });
});
