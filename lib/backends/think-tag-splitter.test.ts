import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter } from './think-tag-splitter';
import type { BackendChunk } from './types';

type Part = { reasoning: string } | { content: string };

/** Feeds parts as they arrive from the wire; collects every chunk the splitter emits. */
function run(parts: Part[]): BackendChunk[] {
  const splitter = new ThinkTagSplitter();
  const out: BackendChunk[] = [];
  for (const part of parts) {
    out.push(
      ...('reasoning' in part ? splitter.reasoning(part.reasoning) : splitter.push(part.content)),
    );
  }
  out.push(...splitter.end());
  return out;
}

const content = (...texts: string[]): Part[] => texts.map((text) => ({ content: text }));

/** What a consumer ends with: `reclassify` moves all content so far into reasoning. */
function fold(chunks: BackendChunk[]) {
  let reasoning = '';
  let answer = '';
  let reclassified = 0;
  for (const chunk of chunks) {
    if (chunk.type === 'reasoning') reasoning += chunk.text;
    if (chunk.type === 'content') answer += chunk.text;
    if (chunk.type === 'reclassify') {
      reasoning += answer;
      answer = '';
      reclassified += 1;
    }
  }
  return { reasoning, content: answer, reclassified };
}

/** Every way to cut `text` into up to three pieces. */
function* splits(text: string): Generator<string[]> {
  for (let i = 0; i <= text.length; i++) {
    for (let j = i; j <= text.length; j++) {
      yield [text.slice(0, i), text.slice(i, j), text.slice(j)];
    }
  }
}

describe('ThinkTagSplitter on recorded sequences', () => {
  it('passes Ollama `message.thinking` through as reasoning, then content', () => {
    // deepseek-r1:7b with think: true — thinking and content arrive in separate fields.
    const chunks = run([
      { reasoning: 'Okay, the user' },
      { reasoning: ' wants 2+2.' },
      ...content('', '2 + 2 = **4**', '.'),
    ]);
    expect(chunks).toEqual([
      { type: 'reasoning', text: 'Okay, the user' },
      { type: 'reasoning', text: ' wants 2+2.' },
      { type: 'content', text: '2 + 2 = **4**' },
      { type: 'content', text: '.' },
    ]);
  });

  it('splits raw <think>…</think> in content and drops the newlines after the tag', () => {
    // deepseek-r1 on Ollama without `think`: the tags are in the content, one token each.
    const chunks = run(content('<think>', '\n', 'Okay', ', 2+2.', '\n', '</think>', '\n\n', '4'));
    expect(chunks).toEqual([
      { type: 'reasoning', text: '\n' },
      { type: 'reasoning', text: 'Okay' },
      { type: 'reasoning', text: ', 2+2.' },
      { type: 'reasoning', text: '\n' },
      { type: 'content', text: '4' },
    ]);
  });

  it('reclassifies content that ends in a bare </think> (R1 distill without a parser)', () => {
    // vLLM serving DeepSeek-R1-Distill-Qwen: the template put <think> in the prompt.
    const chunks = run(content('Okay', ', so 2+2', ' is 4.\n', '</think>', '\n\n', '**4**'));
    expect(chunks).toEqual([
      { type: 'content', text: 'Okay' },
      { type: 'content', text: ', so 2+2' },
      { type: 'content', text: ' is 4.\n' },
      { type: 'reclassify' },
      { type: 'content', text: '**4**' },
    ]);
  });

  it('sends the text before a bare </think> in the same chunk as reasoning', () => {
    expect(run(content('Hmm', ' fine.</think>\n\nYes'))).toEqual([
      { type: 'content', text: 'Hmm' },
      { type: 'reclassify' },
      { type: 'reasoning', text: ' fine.' },
      { type: 'content', text: 'Yes' },
    ]);
  });

  it('needs no reclassify when nothing went out as content yet', () => {
    expect(run(content('all reasoning</think>answer'))).toEqual([
      { type: 'reasoning', text: 'all reasoning' },
      { type: 'content', text: 'answer' },
    ]);
  });

  it('treats an empty think block closed at the start as no reasoning', () => {
    expect(run(content('\n', '</think>', '\n\n', 'Hi'))).toEqual([{ type: 'content', text: 'Hi' }]);
  });

  it('reclassifies once only', () => {
    const folded = fold(run(content('a', '</think>', 'b', '</think>', 'c')));
    expect(folded).toEqual({ reasoning: 'a', content: 'b</think>c', reclassified: 1 });
  });

  it('keeps a bare </think> as text after an opening tag or field reasoning', () => {
    expect(fold(run(content('<think>r</think>', 'x</think>y')))).toEqual({
      reasoning: 'r',
      content: 'x</think>y',
      reclassified: 0,
    });
    expect(fold(run([{ reasoning: 'r' }, ...content('x', '</think>y')]))).toEqual({
      reasoning: 'r',
      content: 'x</think>y',
      reclassified: 0,
    });
  });

  it('accepts whitespace before <think>', () => {
    expect(run(content('\n\n', '  <think>', 'r', '</think>', 'c'))).toEqual([
      { type: 'reasoning', text: 'r' },
      { type: 'content', text: 'c' },
    ]);
  });

  it('leaves leading whitespace in content that has no tag', () => {
    expect(run(content('\n', ' Hi'))).toEqual([{ type: 'content', text: '\n Hi' }]);
  });

  it('releases a held tag prefix at the end of the stream', () => {
    expect(run(content('<thi'))).toEqual([{ type: 'content', text: '<thi' }]);
    expect(run(content('<think>abc</thi'))).toEqual([
      { type: 'reasoning', text: 'abc' },
      { type: 'reasoning', text: '</thi' },
    ]);
    expect(run(content('x</th'))).toEqual([
      { type: 'content', text: 'x' },
      { type: 'content', text: '</th' },
    ]);
  });
});

describe('ThinkTagSplitter across chunk boundaries', () => {
  const cases = [
    {
      name: 'raw think block',
      text: ' \n<think>\nLet me see: 1 < 2.\n</think>\n\nYes, <b>1</b> < 2.',
      expected: { reasoning: '\nLet me see: 1 < 2.\n', content: 'Yes, <b>1</b> < 2.' },
    },
    {
      name: 'closing tag only',
      text: 'Step one. Then </th… no.\n</think>\n\nAnswer: <table> stays.',
      expected: { reasoning: 'Step one. Then </th… no.\n', content: 'Answer: <table> stays.' },
    },
    {
      name: 'no tags at all',
      text: '<table><tr><td>1</td></tr></table> and </thin ice>',
      expected: { reasoning: '', content: '<table><tr><td>1</td></tr></table> and </thin ice>' },
    },
  ];

  for (const { name, text, expected } of cases) {
    it(`gives the same result for every cut into three pieces: ${name}`, () => {
      for (const pieces of splits(text)) {
        const { reasoning, content: answer } = fold(run(content(...pieces)));
        expect({ pieces, reasoning, content: answer }).toEqual({ pieces, ...expected });
      }
    });

    it(`gives the same result one character at a time: ${name}`, () => {
      const { reasoning, content: answer } = fold(run(content(...text)));
      expect({ reasoning, content: answer }).toEqual(expected);
    });
  }

  it('holds back only a possible tag at the end of a chunk', () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('Hello')).toEqual([{ type: 'content', text: 'Hello' }]);
    expect(splitter.push(' <')).toEqual([{ type: 'content', text: ' ' }]);
    expect(splitter.push('/')).toEqual([]);
    expect(splitter.push('b> <t')).toEqual([{ type: 'content', text: '</b> <t' }]);
    expect(splitter.push('able>')).toEqual([{ type: 'content', text: 'able>' }]);
  });

  it('holds nothing once a bare </think> can no longer matter', () => {
    const splitter = new ThinkTagSplitter();
    splitter.reasoning('thought');
    expect(splitter.push('x')).toEqual([{ type: 'content', text: 'x' }]);
    expect(splitter.push(' </thi')).toEqual([{ type: 'content', text: ' </thi' }]);
  });

  it('emits a whole-chunk tag and its neighbours in the same call', () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('<think>a')).toEqual([{ type: 'reasoning', text: 'a' }]);
    expect(splitter.push('b</think>\n\nc')).toEqual([
      { type: 'reasoning', text: 'b' },
      { type: 'content', text: 'c' },
    ]);
  });
});
