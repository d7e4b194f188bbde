import { describe, expect, it } from 'vitest';
import { buildChatMessages } from './history';

const roles = (messages: { role: string }[]) => messages.map((message) => message.role);

describe('buildChatMessages', () => {
  it('sends the system prompt, each past prompt with its answer, then the new prompt', () => {
    expect(
      buildChatMessages({
        systemPrompt: 'Be brief.',
        pastTurns: [{ prompt: 'one', answer: 'One.' }],
        prompt: 'two',
      }),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'One.' },
      { role: 'user', content: 'two' },
    ]);
  });

  it('never sends two user messages in a row: an unanswered prompt joins the next one', () => {
    // Stopped before any text, failed, reasoning only (no answer), then answered.
    const messages = buildChatMessages({
      pastTurns: [
        { prompt: 'stopped', answer: '' },
        { prompt: 'failed', answer: null },
        { prompt: 'thought only', answer: '\n\n' },
        { prompt: 'answered', answer: 'Yes.' },
        { prompt: 'stopped again', answer: null },
      ],
      prompt: 'now',
    });
    expect(messages).toEqual([
      { role: 'user', content: 'stopped\n\nfailed\n\nthought only\n\nanswered' },
      { role: 'assistant', content: 'Yes.' },
      { role: 'user', content: 'stopped again\n\nnow' },
    ]);
  });

  it('alternates roles whatever the history', () => {
    const answers = ['', 'a', null, null, 'b', '', 'c', '  '];
    const messages = buildChatMessages({
      systemPrompt: 's',
      pastTurns: answers.map((answer, index) => ({ prompt: `p${index}`, answer })),
      prompt: 'last',
    });
    expect(roles(messages)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
    // No prompt is lost.
    const sent = messages.map((message) => message.content).join('\n\n');
    for (const index of answers.keys()) expect(sent).toContain(`p${index}`);
  });
});
