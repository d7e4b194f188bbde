import { describe, expect, it } from 'vitest';
import {
  escapeStrayDollars,
  fencedBlocks,
  normalizeMath,
  type Split,
  soleFence,
  splitGrown,
} from './markdown-text';

/** A whole text split at once: the reference the incremental split must match. */
const splitBlocks = (text: string) => splitGrown(text, null).blocks;

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

describe('splitGrown', () => {
  const corpus = [
    '# Title\n\nSome *text*\nwrapped.\n\n',
    '1. First\n\n   More of the first.\n\n   - nested\n\n2. Second\n\n',
    '```python\ndef f():\n\n    return 1\n```\n\n',
    '$$\na\n\n= b\n$$\n\n$$x$$\n\n',
    '~~~~\n```\n\n~~~~\n\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n\n  indented after a blank\n\nlast',
  ].join('');

  it('gives the full split for every prefix of a text streamed one character at a time', () => {
    let split: Split | null = null;
    for (let end = 0; end <= corpus.length; end += 1) {
      const text = corpus.slice(0, end);
      split = splitGrown(text, split);
      expect(split.blocks).toEqual(splitBlocks(text));
    }
  });

  it('splits afresh when the text is not an extension of the previous one', () => {
    const first = splitGrown('a\n\nb\n\nc', null);
    const grown = splitGrown('a\n\nb\n\ncd\n\ne', first);
    expect(grown.blocks).toEqual(['a', 'b', 'cd', 'e']);
    expect(splitGrown('x\n\ny', grown).blocks).toEqual(['x', 'y']);
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

describe('escapeStrayDollars', () => {
  it('keeps prices as text', () => {
    expect(escapeStrayDollars('It costs $5 and $10.')).toBe('It costs \\$5 and \\$10.');
    expect(escapeStrayDollars('From $5-$10 a month')).toBe('From \\$5-\\$10 a month');
    expect(escapeStrayDollars('$20,000 and $30,000')).toBe('\\$20,000 and \\$30,000');
    expect(escapeStrayDollars('Only $5')).toBe('Only \\$5');
  });

  it('leaves inline math alone, next to prices too', () => {
    expect(escapeStrayDollars('So $x_1$ and $y$.')).toBe('So $x_1$ and $y$.');
    expect(escapeStrayDollars('We write $x_{3} = \\frac{a}{b}$ here')).toBe(
      'We write $x_{3} = \\frac{a}{b}$ here',
    );
    expect(escapeStrayDollars('Pay $5, or $x$ more')).toBe('Pay \\$5, or $x$ more');
  });

  it("reads Pandoc's rule: no space inside the delimiters, no digit after the closing one", () => {
    expect(escapeStrayDollars('$ x $')).toBe('\\$ x \\$');
    expect(escapeStrayDollars('$x$5')).toBe('\\$x\\$5');
    expect(escapeStrayDollars('a $5\n\nb$ c')).toBe('a \\$5\n\nb\\$ c');
  });

  it('leaves display math, code spans and escaped dollars alone', () => {
    expect(escapeStrayDollars('$$\n\\text{costs} 5\n$$')).toBe('$$\n\\text{costs} 5\n$$');
    expect(escapeStrayDollars('So $$a + b$$ holds')).toBe('So $$a + b$$ holds');
    expect(escapeStrayDollars('Run `echo $HOME` and ``cost $5``')).toBe(
      'Run `echo $HOME` and ``cost $5``',
    );
    expect(escapeStrayDollars('Already \\$5 here')).toBe('Already \\$5 here');
  });

  it('leaves a formula that is still streaming alone', () => {
    expect(escapeStrayDollars('$$\n\\sum_{k=0}^{3} $5')).toBe('$$\n\\sum_{k=0}^{3} $5');
  });

  it('applies to prose only, not to fenced or indented code', () => {
    const fence = '```sh\necho $5 $10\n```';
    expect(normalizeMath(`Costs $5 and $10\n${fence}`)).toBe(`Costs \\$5 and \\$10\n${fence}`);
    expect(normalizeMath('    echo $5 $10')).toBe('    echo $5 $10');
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

describe('soleFence', () => {
  it('reads a block that is one fence, closed or still open, keeping the language as written', () => {
    expect(soleFence('```Python title="x"\nprint(1)\n\nprint(2)\n```')).toEqual({
      language: 'Python',
      code: 'print(1)\n\nprint(2)',
      closed: true,
    });
    expect(soleFence('  ~~~~\n  a\n   b\n~~~~~')).toEqual({
      language: '',
      code: 'a\n b',
      closed: true,
    });
    expect(soleFence('```js\nlet a')).toEqual({ language: 'js', code: 'let a', closed: false });
  });

  it('is null for anything more or other than one fence', () => {
    expect(soleFence('```js\nlet a\n```\nMore text')).toBeNull();
    expect(soleFence('Intro\n```js\nlet a\n```')).toBeNull();
    expect(soleFence('```inline``` and more')).toBeNull();
    expect(soleFence('    indented code')).toBeNull();
  });

  it('matches what every split block of an answer gives', () => {
    const answer = 'Text\n\n```js\nlet a\n\nlet b\n```\n\n- item\n\n  ```sh\n  ls\n  ```';
    expect(splitBlocks(answer).map((block) => soleFence(block)?.code ?? null)).toEqual([
      null,
      'let a\n\nlet b',
      null,
    ]);
  });
});
