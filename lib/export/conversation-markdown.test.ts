import { describe, expect, it } from 'vitest';
import type { ConversationExport, ExportedMessage } from './conversation-json';
import { conversationMarkdown, withHardBreaks } from './conversation-markdown';

const ACROSTIC = '春风拂面柳丝长\n眠去梦回花满堂\n不问东君归何处\n觉来一院海棠香';
const at = '2026-11-20T12:00:00.000Z';

function message(slot: number, fields: Partial<ExportedMessage>): ExportedMessage {
  return {
    slot,
    attempt: 1,
    status: 'done',
    content: '',
    reasoning: '',
    error: null,
    finishReason: 'stop',
    params: {},
    modelInfo: { parameterSize: '7.6B', quantization: 'Q4_K_M' },
    metrics: {
      ttftMs: 412,
      answerTtftMs: 12_400,
      reasoningMs: 12_400,
      totalMs: 17_000,
      loadMs: null,
      promptTokens: 20,
      completionTokens: 812,
      tokensPerSecond: 48.34,
      countsReported: true,
    },
    reasoningFormat: null,
    shown: true,
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    ...fields,
  };
}

const doc: ConversationExport = {
  format: 'versus.conversation',
  version: 1,
  exportedAt: '2026-12-07T10:00:00.000Z',
  title: '藏头诗',
  mode: 'compare',
  runMode: 'parallel',
  createdAt: at,
  revealedAt: null,
  lineup: [
    {
      position: 0,
      backend: { kind: 'ollama', label: 'Ollama' },
      model: 'deepseek-r1:7b',
      params: { temperature: 0.6 },
    },
    {
      position: 1,
      backend: { kind: 'deepseek', label: 'DeepSeek' },
      model: 'deepseek-reasoner',
      params: {},
    },
  ],
  turns: [
    {
      index: 0,
      prompt: '写一首藏头诗\n藏“春眠不觉”',
      createdAt: at,
      messages: [
        message(0, {
          content: ACROSTIC,
          reasoning: '先想每句的第一个字。\n</details><script>x</script>',
        }),
        message(1, {
          attempt: 1,
          shown: false,
          status: 'error',
          error: { code: 'rate_limited', message: 'Rate limited.' },
        }),
        message(1, {
          attempt: 2,
          content: 'Code:\n\n```python\nprint(1)\nprint(2)\n```\nline a\nline b',
        }),
      ],
    },
    {
      index: 1,
      prompt: 'Again',
      createdAt: at,
      messages: [
        message(0, {
          status: 'error',
          content: '',
          error: { code: 'context_too_long', message: 'Too long for this model.' },
        }),
        message(1, { content: 'Fine.' }),
      ],
    },
  ],
  vote: null,
  verdicts: [{ turn: 0, best: 1, models: [], style: [], createdAt: at }],
};

describe('a conversation as Markdown', () => {
  const markdown = conversationMarkdown(doc);

  it('has the title, the lineup with backends and what they reported, and each prompt', () => {
    expect(markdown.startsWith('# 藏头诗\n')).toBe(true);
    expect(markdown).toContain(
      '1. **deepseek-r1:7b · Ollama** (ollama · 7.6B · Q4_K_M · T 0.6)\n2. **deepseek-reasoner · DeepSeek** (deepseek · 7.6B · Q4_K_M)\n',
    );
    expect(markdown).toContain('## Turn 1\n\n> 写一首藏头诗  \n> 藏“春眠不觉”');
  });

  it('keeps the poem’s line breaks as hard breaks', () => {
    expect(markdown).toContain(
      '春风拂面柳丝长  \n眠去梦回花满堂  \n不问东君归何处  \n觉来一院海棠香\n',
    );
  });

  it('folds the reasoning into details that the model’s text cannot close', () => {
    expect(markdown).toContain(
      '<details>\n<summary>Thought for 12.4 s</summary>\n\n先想每句的第一个字。  \n&lt;/details&gt;<script>x</script>\n\n</details>',
    );
  });

  it('shows the answer on show, its figures and attempt, a failure and the verdict', () => {
    expect(markdown).toContain('<sub>TTFT 412 ms · 48.3 tok/s · 812 tok · total 17.0 s</sub>');
    expect(markdown).toContain('attempt 2 of 2</sub>');
    expect(markdown).not.toContain('Rate limited.');
    expect(markdown).toContain('**Failed**: Too long for this model.');
    expect(markdown).toContain('**Verdict:** deepseek-reasoner · DeepSeek was best.');
  });

  it('leaves code blocks as they are', () => {
    expect(markdown).toContain('```python\nprint(1)\nprint(2)\n```\nline a  \nline b');
  });
});

describe('hard breaks', () => {
  it('breaks lines of a paragraph, not blank lines, tilde fences or lines already broken', () => {
    expect(withHardBreaks('a\nb\n\nc\\\nd\n~~~\nx\ny\n~~~')).toBe(
      'a  \nb\n\nc\\\nd  \n~~~\nx\ny\n~~~',
    );
  });
});
