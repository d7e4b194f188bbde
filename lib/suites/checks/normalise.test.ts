import { describe, expect, it } from 'vitest';
import { isBlank, toHalfWidth } from './normalise';

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space, leaving CJK and 。 alone', () => {
    expect(toHalfWidth('ＡＢＣ　１２３！（ｘ）')).toBe('ABC 123!(x)');
    expect(toHalfWidth('鸡兔同笼，答案。')).toBe('鸡兔同笼,答案。');
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    [' \n\t\u3000', true],
    ['。', false],
  ])('%j is blank: %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank);
  });
});
