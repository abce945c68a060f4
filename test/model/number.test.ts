import { describe, expect, it } from 'vitest';
import { formatMoney, halfUnit, parseNumber } from '../../src/model/number.js';

const read = (text: string) => {
  const p = parseNumber(text);
  return p.kind === 'number' ? `${p.value.toFixed()}/${p.decimals}` : p.kind;
};

describe('reading printed amounts', () => {
  it.each([
    ['9,205.13', '9205.13/2'],
    ['0.00', '0/2'],
    ['620', '620/0'],
    ['１，２３４．５０', '1234.5/2'],
    ['1 234.50', '1234.5/2'],
    ['(12.00)', '-12/2'],
    ['-12.00', '-12/2'],
    ['−3.5', '-3.5/1'],
    ['', 'blank'],
    ['-', 'blank'],
    ['—', 'blank'],
    ['69.9O', 'invalid'],
    ['12,34.00', 'invalid'],
    ['1.2.3', 'invalid'],
    ['abc', 'invalid'],
  ])('%j reads as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('gives the rounding radius of the last printed digit', () => {
    expect(halfUnit(2).toFixed()).toBe('0.005');
    expect(halfUnit(0).toFixed()).toBe('0.5');
    expect(halfUnit(1).toFixed()).toBe('0.05');
  });

  it('prints money with thousands separators', () => {
    const p = parseNumber('1234567.5');
    if (p.kind !== 'number') throw new Error('not a number');
    expect(formatMoney(p.value)).toBe('1,234,567.50');
    expect(formatMoney(p.value.negated())).toBe('-1,234,567.50');
  });
});
