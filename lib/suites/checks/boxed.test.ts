import { describe, expect, it } from 'vitest';
import { boxedContents, lastBoxed } from './boxed';

describe('boxedContents', () => {
  it('reads every box in order, keeping nested braces', () => {
    expect(boxedContents('鸡有 $\\boxed{12}$ 只，兔有 $\\boxed{13}$ 只。')).toEqual(['12', '13']);
    expect(boxedContents('$$\\boxed{768 + 512\\sqrt{2}}$$')).toEqual(['768 + 512\\sqrt{2}']);
    expect(boxedContents('\\boxed{\\frac{3}{4}} and \\boxed {x}')).toEqual(['\\frac{3}{4}', 'x']);
  });

  it('runs an unclosed box to the end and finds none in plain text', () => {
    expect(boxedContents('答案是 \\boxed{\\frac{1}{2')).toEqual(['\\frac{1}{2']);
    expect(boxedContents('答案是 12')).toEqual([]);
  });

  it('takes the last box as the final answer', () => {
    expect(lastBoxed('先得 \\boxed{11}，修正后 \\boxed{北京}')).toBe('北京');
    expect(lastBoxed('no box')).toBeUndefined();
  });
});
