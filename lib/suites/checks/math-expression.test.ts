import { describe, expect, it } from 'vitest';
import { evaluateExpressions } from './math-expression';

const PRISM = 768 + 512 * Math.SQRT2;

describe('evaluateExpressions', () => {
  it.each([
    ['768 + 512\\sqrt{2}', PRISM],
    ['768+512√2', PRISM],
    ['512 \\cdot \\sqrt 2', 512 * Math.SQRT2],
    ['\\frac{3}{4}', 0.75],
    ['\\dfrac{1}{2} \\times 6', 3],
    ['2\\times 3', 6],
    ['2 × 3 ÷ 4', 1.5],
    ['3/4', 0.75],
    ['-5', -5],
    ['2\\frac{1}{2}', 2.5],
    ['-2\\frac{1}{2}', -2.5],
    ['2^{10}', 1024],
    ['\\sqrt[3]{27}', 3],
    ['2\\pi', 2 * Math.PI],
    ['\\left(1 + 2\\right) \\cdot 4', 12],
    ['１２＋１３', 25],
    ['1{,}492.08', 1492.08],
  ])('evaluates %s as one value', (text, value) => {
    const values = evaluateExpressions(text);
    expect(values).toHaveLength(1);
    expect(values[0]).toBeCloseTo(value, 9);
  });

  it('cuts at words, units and relations', () => {
    expect(evaluateExpressions('$768 + 512\\sqrt{2} \\approx 1492.08$')).toEqual([PRISM, 1492.08]);
    expect(evaluateExpressions('鸡有12只，兔有13只')).toEqual([12, 13]);
    expect(evaluateExpressions('12 + 13 = 25')).toEqual([25, 25]);
    expect(evaluateExpressions('(768 + 512\\sqrt{2}) \\text{ cm}^2')).toEqual([PRISM, 2]);
  });

  it('does not multiply two bare numbers or evaluate broken input', () => {
    expect(evaluateExpressions('12 13')).toEqual([]);
    expect(evaluateExpressions('\\frac{1}{')).toEqual([]);
    expect(evaluateExpressions(`${'('.repeat(70)}1`)).toEqual([1]);
    expect(evaluateExpressions(`${'\\sqrt{'.repeat(200)}2`)).toEqual([]);
  });

  it('keeps the expression when a unit cuts into its braces', () => {
    expect(evaluateExpressions('\\boxed{12 \\text{只}}')).toEqual([12]);
  });
});
