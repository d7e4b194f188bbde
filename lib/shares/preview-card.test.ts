import { describe, expect, it } from 'vitest';
import { type PreviewCard, previewCardText } from './preview-card';

const card: PreviewCard = {
  prompt: '用"新年快乐万事如意"写一首藏头诗',
  columns: [
    { name: 'deepseek-r1:7b', tokensPerSecond: 48.4 },
    { name: 'deepseek-r1:32b', tokensPerSecond: 21.6 },
  ],
  outcome: '32b won',
  blind: false,
  turns: 1,
};

describe('previewCardText', () => {
  it('names the lineup, its speeds and the outcome', () => {
    expect(previewCardText(card)).toEqual({
      title: 'deepseek-r1:7b vs deepseek-r1:32b',
      summary: '48 vs 22 tok/s · 32b won',
      prompt: '用"新年快乐万事如意"写一首藏头诗',
      columns: [
        { name: 'deepseek-r1:7b', speed: '48 tok/s' },
        { name: 'deepseek-r1:32b', speed: '22 tok/s' },
      ],
      turns: null,
      badge: '32b won',
    });
  });

  it('shows a slow speed to a tenth, a missing one as a dash, and leaves out what is unknown', () => {
    const text = previewCardText({
      ...card,
      columns: [
        { name: 'a', tokensPerSecond: 7.64 },
        { name: 'b', tokensPerSecond: null },
        { name: 'c', tokensPerSecond: 131.2 },
      ],
      outcome: null,
      turns: 3,
    });
    expect(text.summary).toBe('7.6 vs – vs 131 tok/s');
    expect(text.columns.map((column) => column.speed)).toEqual(['7.6 tok/s', null, '131 tok/s']);
    expect(text.turns).toBe('3 turns');
    const unmeasured = previewCardText({
      ...card,
      columns: card.columns.map((column) => ({ ...column, tokensPerSecond: null })),
      outcome: null,
    });
    expect(unmeasured.summary).toBe('');
    expect(unmeasured.badge).toBeNull();
  });

  it('names no model and shows no speed or outcome on a blind card', () => {
    const text = previewCardText({ ...card, blind: true, turns: 2 });
    expect(text.title).toBe('Model A vs Model B');
    expect(text.summary).toBe('Vote before you see who is who');
    expect(text.badge).toBe('Blind challenge');
    expect(text.columns).toEqual([
      { name: 'Model A', speed: null },
      { name: 'Model B', speed: null },
    ]);
    const words = JSON.stringify(text);
    for (const leak of ['deepseek', '7b', '32b', 'won', 'tok/s', '48', '22']) {
      expect(words).not.toContain(leak);
    }
  });

  it('puts the prompt on one line and cuts a long one short', () => {
    expect(previewCardText({ ...card, prompt: '  a\n\n b\tc ' }).prompt).toBe('a b c');
    const long = previewCardText({ ...card, prompt: '鸡兔同笼'.repeat(200) }).prompt;
    expect(Array.from(long)).toHaveLength(280);
    expect(long.endsWith('…')).toBe(true);
  });
});
