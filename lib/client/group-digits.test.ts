import { describe, expect, it } from 'vitest';
import { groupDigits } from './group-digits';

describe('groupDigits', () => {
  it('writes counts as toLocaleString("en-US") does', () => {
    for (const value of [0, 7, 999, 1000, 4096, 131_072, 1_000_000, 262_144, -12_345]) {
      expect(groupDigits(value)).toBe(value.toLocaleString('en-US'));
    }
  });

  it('leaves the decimals alone', () => {
    expect(groupDigits(12_345.5)).toBe('12,345.5');
  });
});
