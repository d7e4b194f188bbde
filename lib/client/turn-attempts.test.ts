import { describe, expect, it } from 'vitest';
import type { TurnView } from '@/lib/api/views';
import { messageView } from '@/test/message-view';
import { attemptsOf, shownOf, withAttempt, withShown } from './turn-attempts';

const turn = (messages: TurnView['messages']): TurnView => ({
  id: 't1',
  index: 0,
  prompt: 'p',
  createdAt: '2026-12-07T00:00:00.000Z',
  messages,
  verdict: null,
});

describe('attempts of a turn', () => {
  const a1 = messageView({ id: 'a1', slotId: 'a', attempt: 1 });
  const b1 = messageView({ id: 'b1', slotId: 'b', attempt: 1 });

  it('adds a retry after its slot, on show, and puts an earlier one back on show', () => {
    const a2 = messageView({ id: 'a2', slotId: 'a', attempt: 2, status: 'pending' });
    const [retried] = withAttempt([turn([a1, b1])], a2);
    if (!retried) throw new Error('a turn expected');
    expect(retried.messages.map((message) => [message.id, message.shown])).toEqual([
      ['a1', false],
      ['a2', true],
      ['b1', true],
    ]);
    expect(attemptsOf(retried, 'a').map((message) => message.id)).toEqual(['a1', 'a2']);
    expect(shownOf(retried, 'a')?.id).toBe('a2');
    const [back] = withShown([retried], a1);
    expect(back && shownOf(back, 'a')?.id).toBe('a1');
    expect(back && shownOf(back, 'b')?.id).toBe('b1');
  });

  it('leaves other turns as they are', () => {
    const other = turn([messageView({ id: 'x', turnId: 't2' })]);
    const a2 = messageView({ id: 'a2', slotId: 'a', attempt: 2 });
    const [, same] = withAttempt([turn([a1, b1]), { ...other, id: 't2' }], a2);
    expect(same?.messages).toEqual(other.messages);
  });
});
