import { describe, expect, it } from 'vitest';
import { approximateTokens, styleCountsOf } from './style-counts';

describe('approximateTokens', () => {
  it('counts English words and numbers, not punctuation', () => {
    expect(approximateTokens('Hello, world! It costs 42.5 dollars.')).toBe(7);
    expect(approximateTokens('  ')).toBe(0);
  });

  it('counts each Chinese or Japanese character, and Latin runs beside them as words', () => {
    expect(approximateTokens('鸡兔同笼问题')).toBe(6);
    expect(approximateTokens('用Python写贪吃蛇，共3个文件。')).toBe(11);
    expect(approximateTokens('こんにちは')).toBe(5);
  });
});

describe('styleCountsOf', () => {
  it('counts headers, list items and bold in an English answer', () => {
    const answer = [
      '# Snake game',
      '',
      'A **small** game in one file. It uses __no__ libraries.',
      '',
      '## Steps',
      '1. Draw the board',
      '2) Move the **snake** and eat **food**',
      '- Keep score',
      '  * nested item',
      '+ Restart',
      '#hashtag is not a header, nor is',
      '    # an indented code line',
      '---',
    ].join('\n');
    expect(styleCountsOf({ answer, reasoning: 'Let me think about the board size.' })).toEqual({
      answerTokens: approximateTokens(answer),
      reasoningTokens: 7,
      headers: 2,
      lists: 5,
      bold: 4,
    });
  });

  it('counts a Chinese answer the same way', () => {
    const answer = [
      '## 解题思路',
      '设鸡有 **x** 只，兔有 **y** 只。',
      '',
      '1. 头的总数：x + y = 35',
      '2. 脚的总数：2x + 4y = 94',
      '',
      '### 答案',
      '- 鸡 **23** 只',
      '- 兔 12 只',
    ].join('\n');
    const counts = styleCountsOf({ answer, reasoning: '先列方程，再求解。' });
    expect(counts).toMatchObject({ reasoningTokens: 7, headers: 2, lists: 4, bold: 3 });
    // One per character, one per Latin run or number: 4 + 9 + 8 + 8 + 2 + 3 + 3, line by line.
    expect(counts.answerTokens).toBe(37);
  });

  it('leaves out what is inside fenced code blocks, but counts its length', () => {
    const code = ['# not a header', '- not a list', 'x = "**not bold**"'].join('\n');
    const answer = [
      '```python',
      code,
      '```',
      '~~~~',
      '# still code',
      '```',
      '## also still code: a ~~~~ fence closes only with ~~~~ or longer',
      '~~~~~',
      '**after**',
      '```js',
      '# unclosed: code to the end',
    ].join('\n');
    expect(styleCountsOf({ answer, reasoning: '' })).toEqual({
      answerTokens: approximateTokens(answer),
      reasoningTokens: 0,
      headers: 0,
      lists: 0,
      bold: 1,
    });
  });
});
