import { describe, expect, it } from 'vitest';
import { tokenizeMath } from './math-tokens';

const types = (text: string) =>
  tokenizeMath(text).map((token) => (token.type === 'number' ? token.value : token.type));

describe('tokenizeMath', () => {
  it('reads LaTeX and Unicode arithmetic', () => {
    expect(types('$768 + 512\\sqrt{2}$')).toEqual([768, '+', 512, 'sqrt', '{', 2, '}']);
    expect(types('2\\times 3 · 4 ÷ 5 − 6')).toEqual([2, '*', 3, '*', 4, '/', 5, '-', 6]);
    expect(types('\\dfrac{3}{4}\\pi')).toEqual(['frac', '{', 3, '}', '{', 4, '}', 'pi']);
  });

  it('reads thousands separators only in groups of three', () => {
    expect(types('1,492.08')).toEqual([1492.08]);
    expect(types('1{,}492')).toEqual([1492]);
    expect(types('12,13')).toEqual([12, 'break', 13]);
  });

  it('turns words, units and relations into single breaks', () => {
    expect(types('x = 12 \\text{ cm}^2 ≈ 只')).toEqual(['break', 12, 'break', '^', 2, 'break']);
    expect(types('\\left( 1 \\right) \\quad \\approx')).toEqual(['(', 1, ')', 'break']);
  });
});
