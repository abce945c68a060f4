import { describe, expect, it } from 'vitest';
import { checkDocument, DEFAULT_OPTIONS } from '../../src/engine/run.js';
import { documentFromText } from '../../src/load/index.js';
import { isAmount, isPageNumber, looksLikeAmount } from '../../src/load/lexicon.js';
import { readFixture, ZHUZHOU } from '../support/fixtures.js';

describe('the lexicon every reader shares', () => {
  it('reads an amount with ASCII or full-width commas, full-width digits, and the usual negatives', () => {
    for (const text of ['1,234.50', '1，234.50', '１，２３４．５０', '0.00', '-12.00', '−12.00', '(12.00)', '1234.5']) expect(isAmount(text), text).toBe(true);
    for (const text of ['12', '1,2.00', '(12.00', '12.00)', '1,234', '2023年', '12.5%']) expect(isAmount(text), text).toBe(false);
    expect(looksLikeAmount('1 234.50')).toBe(true);
    expect(isAmount('1 234.50')).toBe(false);
  });

  it('takes a bare or half-decorated number for a page number only at the edge of a page', () => {
    for (const text of ['— 3 —', '- 12 -', '第 3 页', '第3页，共25页', '3/25', 'Page 3 of 9']) expect(isPageNumber(text, false), text).toBe(true);
    for (const text of ['3', '- 3', '第3', '3页']) {
      expect(isPageNumber(text, true), text).toBe(true);
      expect(isPageNumber(text, false), text).toBe(false);
    }
  });

  it('reads a table printed with full-width commas as the same table', () => {
    const text = readFixture(ZHUZHOU);
    const fullWidth = text
      .split('\n')
      .map((line) => (line.includes('\t') ? line.replace(/(\d),(\d{3})/g, '$1，$2') : line))
      .join('\n');
    expect(fullWidth).not.toBe(text);
    const ids = (t: string) =>
      checkDocument(documentFromText(ZHUZHOU, t), DEFAULT_OPTIONS)
        .findings.map((f) => `${f.severity} ${f.id}`);
    expect(ids(fullWidth)).toEqual(ids(text));
  });
});
