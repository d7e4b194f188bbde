import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter } from './think-tag-splitter';
import type { BackendChunk } from './types';

type Part = { reasoning: string } | { content: string };

/** Feeds parts as they arrive from the wire; collects every chunk the splitter emits. */
function run(parts: Part[], options?: { reasoningFirst?: boolean }): BackendChunk[] {
  const splitter = new ThinkTagSplitter(options);
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
      { type: 'format', format: 'field' },
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
      // The tag shows nowhere, but it is the first token: it leaves as `hidden`.
      { type: 'format', format: 'tags' },
      { type: 'hidden' },
      { type: 'reasoning', text: '\n' },
      { type: 'reasoning', text: 'Okay' },
      { type: 'reasoning', text: ', 2+2.' },
      { type: 'reasoning', text: '\n' },
      { type: 'hidden' },
      { type: 'hidden' },
      { type: 'content', text: '4' },
    ]);
  });

  it('reclassifies content that ends in a bare </think> (R1 distill without a parser)', () => {
    // vLLM serving DeepSeek-R1-Distill-Qwen: the template put <think> in the prompt.
    const chunks = run(content('Okay', ', so 2+2', ' is 4.\n', '</think>', '\n\n', '**4**'));
    expect(chunks).toEqual([
      // Undecided until the bare close: the text may (and here does) turn out to be reasoning.
      { type: 'content', text: 'Okay', tentative: true },
      { type: 'content', text: ', so 2+2', tentative: true },
      { type: 'content', text: ' is 4.\n', tentative: true },
      { type: 'reclassify' },
      { type: 'format', format: 'closing-tag' },
      { type: 'hidden' },
      { type: 'hidden' },
      { type: 'content', text: '**4**' },
    ]);
  });

  it('sends the text before a bare </think> in the same chunk as reasoning', () => {
    expect(run(content('Hmm', ' fine.</think>\n\nYes'))).toEqual([
      { type: 'content', text: 'Hmm', tentative: true },
      { type: 'reclassify' },
      { type: 'format', format: 'closing-tag' },
      { type: 'reasoning', text: ' fine.' },
      { type: 'content', text: 'Yes' },
    ]);
  });

  it('needs no reclassify when nothing went out as content yet', () => {
    expect(run(content('all reasoning</think>answer'))).toEqual([
      { type: 'format', format: 'closing-tag' },
      { type: 'reasoning', text: 'all reasoning' },
      { type: 'content', text: 'answer' },
    ]);
  });

  it('treats an empty think block closed at the start as no reasoning', () => {
    expect(run(content('\n', '</think>', '\n\n', 'Hi'))).toEqual([
      { type: 'hidden' },
      { type: 'format', format: 'closing-tag' },
      { type: 'hidden' },
      { type: 'hidden' },
      { type: 'content', text: 'Hi' },
    ]);
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
      { type: 'hidden' },
      { type: 'format', format: 'tags' },
      { type: 'hidden' },
      { type: 'reasoning', text: 'r' },
      { type: 'hidden' },
      { type: 'content', text: 'c' },
    ]);
  });

  it('leaves leading whitespace in content that has no tag', () => {
    expect(run(content('\n', ' Hi'))).toEqual([
      { type: 'hidden' },
      { type: 'content', text: '\n Hi', tentative: true },
    ]);
  });

  it('releases a held tag prefix at the end of the stream', () => {
    expect(run(content('<thi'))).toEqual([
      { type: 'hidden' },
      { type: 'content', text: '<thi', tentative: true },
    ]);
    expect(run(content('<think>abc</thi'))).toEqual([
      { type: 'format', format: 'tags' },
      { type: 'reasoning', text: 'abc' },
      { type: 'reasoning', text: '</thi' },
    ]);
    expect(run(content('x</th'))).toEqual([
      { type: 'content', text: 'x', tentative: true },
      { type: 'content', text: '</th', tentative: true },
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
    const tentative = (text: string) => [{ type: 'content', text, tentative: true }];
    expect(splitter.push('Hello')).toEqual(tentative('Hello'));
    expect(splitter.push(' <')).toEqual(tentative(' '));
    expect(splitter.push('/')).toEqual([{ type: 'hidden' }]);
    expect(splitter.push('b> <t')).toEqual(tentative('</b> <t'));
    expect(splitter.push('able>')).toEqual(tentative('able>'));
  });

  it('holds nothing once a bare </think> can no longer matter', () => {
    const splitter = new ThinkTagSplitter();
    splitter.reasoning('thought');
    expect(splitter.push('x')).toEqual([{ type: 'content', text: 'x' }]);
    expect(splitter.push(' </thi')).toEqual([{ type: 'content', text: ' </thi' }]);
  });

  it('emits a whole-chunk tag and its neighbours in the same call', () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('<think>a')).toEqual([
      { type: 'format', format: 'tags' },
      { type: 'reasoning', text: 'a' },
    ]);
    expect(splitter.push('b</think>\n\nc')).toEqual([
      { type: 'reasoning', text: 'b' },
      { type: 'content', text: 'c' },
    ]);
  });
});

describe('ThinkTagSplitter: telling reasoning from answer', () => {
  it('marks content tentative only until the stream shows where its reasoning goes', () => {
    // A reasoning field decides it: what comes as content after it is the answer.
    expect(run([...content('a'), { reasoning: 'r' }, ...content('b')])).toEqual([
      { type: 'content', text: 'a', tentative: true },
      { type: 'format', format: 'field' },
      { type: 'reasoning', text: 'r' },
      { type: 'content', text: 'b' },
    ]);
    // So does a leading <think>: a later bare </think> could no longer reclassify anything.
    expect(run(content('<think>r</think>', 'b'))).toEqual([
      { type: 'format', format: 'tags' },
      { type: 'reasoning', text: 'r' },
      { type: 'content', text: 'b' },
    ]);
  });

  it('keeps plain content tentative to the end: a bare </think> could come at any token', () => {
    const chunks = run(content('Just', ' an answer.'));
    expect(chunks).toEqual([
      { type: 'content', text: 'Just', tentative: true },
      { type: 'content', text: ' an answer.', tentative: true },
    ]);
  });

  it('reports the format once', () => {
    const chunks = run([{ reasoning: 'a' }, { reasoning: 'b' }, ...content('<think>x</think>')]);
    expect(chunks.filter((chunk) => chunk.type === 'format')).toEqual([
      { type: 'format', format: 'field' },
    ]);
  });
});

describe('ThinkTagSplitter, reasoning first (the model closed a bare </think> before)', () => {
  it('takes the text as reasoning from the first token, then the answer after </think>', () => {
    // DeepSeek-R1-Distill-Qwen on vLLM without a reasoning parser, its second answer.
    const chunks = run(content('Okay', ', so 2+2', ' is 4.\n', '</think>', '\n\n', '**4**'), {
      reasoningFirst: true,
    });
    expect(chunks).toEqual([
      { type: 'reasoning', text: 'Okay' },
      { type: 'reasoning', text: ', so 2+2' },
      { type: 'reasoning', text: ' is 4.\n' },
      { type: 'format', format: 'closing-tag' },
      { type: 'hidden' },
      { type: 'hidden' },
      { type: 'content', text: '**4**' },
    ]);
  });

  it('finds a closing tag split across chunks', () => {
    const chunks = run(content('Let me', ' see.\n</th', 'ink>\n', '\nYes.'), {
      reasoningFirst: true,
    });
    expect(chunks).toEqual([
      { type: 'reasoning', text: 'Let me' },
      { type: 'reasoning', text: ' see.\n' },
      { type: 'format', format: 'closing-tag' },
      { type: 'hidden' },
      { type: 'content', text: 'Yes.' },
    ]);
  });

  it('gives the same result for every cut into three pieces', () => {
    const text = 'Step one: 1 < 2 and </th… no.\n</think>\n\nAnswer: <b>yes</b>.';
    for (const pieces of splits(text)) {
      const {
        reasoning,
        content: answer,
        reclassified,
      } = fold(run(content(...pieces), { reasoningFirst: true }));
      expect({ pieces, reasoning, answer, reclassified }).toEqual({
        pieces,
        reasoning: 'Step one: 1 < 2 and </th… no.\n',
        answer: 'Answer: <b>yes</b>.',
        reclassified: 0,
      });
    }
  });

  it('drops an opening <think> the model writes after all, and a leading close', () => {
    expect(
      fold(run(content('\n<th', 'ink>\nr', '</think>', 'a'), { reasoningFirst: true })),
    ).toEqual({ reasoning: '\nr', content: 'a', reclassified: 0 });
    // An empty reasoning block: nothing before the close, not even the whitespace.
    expect(fold(run(content('\n', '</think>', '\n\nHi'), { reasoningFirst: true }))).toEqual({
      reasoning: '',
      content: 'Hi',
      reclassified: 0,
    });
  });

  it('follows a reasoning field if the server now separates reasoning itself', () => {
    // vLLM restarted with --reasoning-parser: the trace comes in its own field after all.
    expect(
      run([{ reasoning: 'r' }, ...content('\n\n', 'answer')], { reasoningFirst: true }),
    ).toEqual([
      { type: 'format', format: 'field' },
      { type: 'reasoning', text: 'r' },
      { type: 'content', text: '\n\n' },
      { type: 'content', text: 'answer' },
    ]);
  });

  it('keeps a stream that never closes as reasoning, held text included', () => {
    expect(fold(run(content('thinking until cut off </th'), { reasoningFirst: true }))).toEqual({
      reasoning: 'thinking until cut off </th',
      content: '',
      reclassified: 0,
    });
  });
});
