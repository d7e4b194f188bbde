import { describe, expect, it } from 'vitest';
import { formatNumber, listNumbers } from './format-number';

describe('formatNumber', () => {
  it.each([
    [12, '12'],
    [768 + 512 * Math.SQRT2, '1492.077344'],
    [0.1 + 0.2, '0.3'],
    [-5, '-5'],
    [1e21, '1e+21'],
  ])('%d as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('listNumbers', () => {
  it.each([
    [[12], '12'],
    [[12, 13], '12 and 13'],
    [[12, 13, 25], '12, 13 and 25'],
  ])('%j', (values, text) => {
    expect(listNumbers(values)).toBe(text);
  });
});
