import { describe, expect, it } from 'vitest';
import { evaluateMatchCheck, MAX_REGEX_INPUT } from './match-check';

const exact = (pattern: string, caseSensitive = false) =>
  ({ kind: 'match', mode: 'exact', pattern, caseSensitive }) as const;
const regex = (pattern: string, caseSensitive = false) =>
  ({ kind: 'match', mode: 'regex', pattern, caseSensitive }) as const;

describe('evaluateMatchCheck: exact', () => {
  it.each([
    ['the last box', exact('北京'), '中国的首都是北京。\n\n$\\boxed{\\text{北京}}$'],
    ['the whole answer with a trailing 。', exact('北京'), '  北京。 '],
    ['full-width letters and punctuation', exact('Paris!'), 'ＰＡＲＩＳ！'],
    ['any case', exact('paris'), 'Paris.'],
    ['collapsed whitespace', exact('New York'), ' New \n  York '],
    ['a full-width pattern', exact('ＡＢＣ'), '\\boxed{abc}'],
  ])('passes %s', (_, check, answer) => {
    expect(evaluateMatchCheck(check, answer)).toEqual({
      verdict: 'pass',
      detail: 'the answer matches',
    });
  });

  it('fails a different answer and shows what it compared', () => {
    expect(evaluateMatchCheck(exact('北京'), '首都是 \\boxed{上海}。')).toEqual({
      verdict: 'fail',
      detail: 'the answer is "上海"',
    });
    expect(evaluateMatchCheck(exact('Paris', true), 'paris').verdict).toBe('fail');
    expect(evaluateMatchCheck(exact('北京'), '答案是北京。').verdict).toBe('fail');
  });

  it('shortens a long answer in the detail', () => {
    const { detail } = evaluateMatchCheck(exact('北京'), '很'.repeat(500));
    expect(detail).toBe(`the answer is "${'很'.repeat(60)}…"`);
  });
});

describe('evaluateMatchCheck: regex', () => {
  it('tests the whole answer, any case unless asked', () => {
    const answer = '经过推理，我认为答案是 **Paris**，也就是巴黎。';
    expect(evaluateMatchCheck(regex('paris|巴黎'), answer)).toEqual({
      verdict: 'pass',
      detail: 'matched "Paris"',
    });
    expect(evaluateMatchCheck(regex('paris', true), answer)).toEqual({
      verdict: 'fail',
      detail: 'the pattern does not match',
    });
  });

  it('uses Unicode mode, so \\p{} classes and astral characters work', () => {
    expect(evaluateMatchCheck(regex('^\\p{Script=Han}{2}$'), '北京').verdict).toBe('pass');
    expect(evaluateMatchCheck(regex('^.$'), '😀').verdict).toBe('pass');
  });

  it('only looks at the first 200,000 characters', () => {
    const answer = `${'a'.repeat(MAX_REGEX_INPUT)}needle`;
    expect(evaluateMatchCheck(regex('needle'), answer).verdict).toBe('fail');
    expect(evaluateMatchCheck(regex('a{200000}'), answer).verdict).toBe('pass');
  });
});
