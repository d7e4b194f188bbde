import { describe, expect, it } from 'vitest';
import { fencedBlocks, normalizeMath, splitBlocks } from './markdown-text';

describe('splitBlocks', () => {
  it('splits top-level blocks at blank lines', () => {
    expect(splitBlocks('# Title\n\nA paragraph\nwrapped.\n\n- a\n- b')).toEqual([
      '# Title',
      'A paragraph\nwrapped.',
      '- a\n- b',
    ]);
  });

  it('keeps a fence whole, blank lines and all, even before it closes', () => {
    const fence = '```python\ndef f():\n\n    return 1\n```';
    expect(splitBlocks(`Code:\n\n${fence}\n\nAfter.`)).toEqual(['Code:', fence, 'After.']);
    expect(splitBlocks('```js\nlet a;\n\n\nlet b;')).toEqual(['```js\nlet a;\n\n\nlet b;']);
    expect(splitBlocks('~~~~\n```\n\n~~~~\n\nnext')).toEqual(['~~~~\n```\n\n~~~~', 'next']);
  });

  it('keeps a $$ display formula whole', () => {
    expect(splitBlocks('$$\na\n\n= b\n$$\n\nthen')).toEqual(['$$\na\n\n= b\n$$', 'then']);
    expect(splitBlocks('$$x$$\n\ny')).toEqual(['$$x$$', 'y']);
  });

  it('keeps indented continuations (nested lists, loose items) with their list', () => {
    const list = '1. First\n\n   More of the first.\n\n   - nested\n\n2. Second';
    expect(splitBlocks(list)).toEqual([
      '1. First\n\n   More of the first.\n\n   - nested',
      '2. Second',
    ]);
  });

  it('ignores leading and repeated blank lines and is cheap on very long lines', () => {
    expect(splitBlocks('\n\n\na\n\n\n\nb\n')).toEqual(['a', 'b']);
    const long = 'x'.repeat(200_000);
    expect(splitBlocks(long)).toEqual([long]);
  });

  it('gives back the text when the blocks are joined', () => {
    const text = 'a\n\n```\nb\n\nc\n```\n\n- d\n\n  e';
    expect(splitBlocks(text).join('\n\n')).toBe(text);
  });
});

describe('normalizeMath', () => {
  it('turns \\( \\) into inline and \\[ \\] into display math', () => {
    expect(normalizeMath('So \\(x^2\\) holds.')).toBe('So $x^2$ holds.');
    expect(normalizeMath('\\[ \\boxed{23} \\]')).toBe('$$\n\\boxed{23}\n$$');
    expect(normalizeMath('\\[\na+b\n\\]')).toBe('$$\na+b\n$$');
  });

  it('leaves code alone', () => {
    expect(normalizeMath('Use `\\(x\\)` in TeX.')).toBe('Use `\\(x\\)` in TeX.');
    const fence = '```tex\n\\[ x \\]\n```';
    expect(normalizeMath(`${fence}\n\\(y\\)`)).toBe(`${fence}\n$y$`);
  });
});

describe('fencedBlocks', () => {
  it('finds every fence with its language, closed or still open', () => {
    const text =
      'Intro\n```HTML title="x"\n<p>hi</p>\n```\ntext\n  ```css\n  p { color: red }\n  ```\n```js\nlet a';
    expect(fencedBlocks(text)).toEqual([
      { language: 'html', code: '<p>hi</p>', closed: true },
      { language: 'css', code: 'p { color: red }', closed: true },
      { language: 'js', code: 'let a', closed: false },
    ]);
  });

  it('does not take inline triple backticks for a fence', () => {
    expect(fencedBlocks('```inline``` and more')).toEqual([]);
  });
});
