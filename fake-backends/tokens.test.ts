import { describe, expect, it } from 'vitest';
import { resolveScript } from './script';
import { countPromptTokens, planTokens, readMessages, tokenize } from './tokens';

const input = readMessages([
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'first question' },
  { role: 'assistant', content: 'first answer' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'second ' },
      { type: 'text', text: 'question' },
    ],
  },
]);

describe('tokenize', () => {
  it('splits into word-ish tokens that concatenate back to the text', () => {
    const text = '  Hello,  world —\ncafé 🐔 done.\n\n';
    const tokens = tokenize(text);
    expect(tokens).toEqual(['  Hello,', '  world', ' —', '\ncafé', ' 🐔', ' done.\n\n']);
    expect(tokens.join('')).toBe(text);
  });

  it('keeps whitespace-only text as one token and empty text as none', () => {
    expect(tokenize('\n\n')).toEqual(['\n\n']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('readMessages', () => {
  it('finds the last user message, including OpenAI content parts', () => {
    expect(input.prompt).toBe('second question');
    expect(input.messageCount).toBe(4);
  });

  it('counts prompt tokens deterministically', () => {
    // 3 priming + 4 per message + words: 2 + 2 + 2 + 2.
    expect(countPromptTokens(input)).toBe(3 + 16 + 8);
  });
});

describe('planTokens', () => {
  const script = resolveScript({
    id: 'm',
    reasoning: 'Let me think.',
    answer: 'You asked: {{prompt}} ({{messageCount}} messages)',
  });
  const text = (style: Parameters<typeof planTokens>[1], splitTags = false) =>
    planTokens({ ...script, splitTags }, style, input);

  it('fills the placeholders in the answer', () => {
    const plan = text('none');
    expect(plan.map((token) => token.text).join('')).toBe(
      'You asked: second question (4 messages)',
    );
    expect(plan.every((token) => token.channel === 'content' && token.part === 'answer')).toBe(
      true,
    );
  });

  it('puts the trace on its own channel for the field styles', () => {
    const plan = text('field');
    expect(
      plan.filter((token) => token.channel === 'reasoning').map((token) => token.text),
    ).toEqual(['Let', ' me', ' think.']);
    expect(plan[3]).toEqual({ text: 'You', channel: 'content', part: 'answer' });
  });

  it('wraps the trace in tags for think-tags, and splits the tags on request', () => {
    const joined = text('think-tags')
      .map((token) => token.text)
      .join('');
    expect(joined).toBe(
      '<think>\nLet me think.\n</think>\n\nYou asked: second question (4 messages)',
    );
    const split = text('think-tags', true).filter((token) => token.part === 'tag');
    expect(split.map((token) => token.text)).toEqual(['<th', 'ink>', '</th', 'ink>']);
  });

  it('emits only the closing tag for closing-tag', () => {
    const joined = text('closing-tag')
      .map((token) => token.text)
      .join('');
    expect(joined).toBe('Let me think.\n</think>\n\nYou asked: second question (4 messages)');
  });
});
