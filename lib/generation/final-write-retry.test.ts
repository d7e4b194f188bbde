import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { getConversation } from '@/lib/conversations/read';
import { liveMessages } from '@/lib/generation/registry';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';

// The database refuses the first two final writes (a lock held too long, a failover).
const failures = vi.hoisted(() => ({ left: 0 }));
vi.mock('@/lib/db/message-writes', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/db/message-writes')>();
  return {
    ...real,
    writeFinals: (...args: Parameters<typeof real.writeFinals>) => {
      if (failures.left > 0) {
        failures.left -= 1;
        return Promise.reject(new Error('database is locked'));
      }
      return real.writeFinals(...args);
    },
  };
});

let fakes: FakeBackends;

beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await fakes.close();
});

it('a failed final write is tried again until saved, and the message stays live meanwhile', async () => {
  const ownerId = (await getLocalUser()).id;
  const answer = 'all of it';
  const model = uniqueModel('final');
  const conversation = await lineupOf(fakes, [
    { kind: 'openai', script: { id: model, ttftMs: 5, tokensPerSecond: 200, answer } },
    { kind: 'ollama', script: { id: model, ttftMs: 5, tokensPerSecond: 200, answer } },
  ]);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  failures.left = 2;
  try {
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const ids = turn.messages.map((message) => message.id);
    // While the writes fail, the finished messages stay in memory: a reader gets their end.
    await vi.waitFor(() => expect(failures.left).toBe(0));
    expect(ids.every((id) => liveMessages.get(id)?.finished)).toBe(true);
    const rows = await settled(ids);
    expect(rows.map((row) => [row.status, row.content])).toEqual([
      ['done', answer],
      ['done', answer],
    ]);
    expect(ids.some((id) => liveMessages.has(id))).toBe(false);
    const logged = errors.mock.calls.filter(([text]) => /final write failed/.test(String(text)));
    expect(logged.length).toBeGreaterThanOrEqual(2);
    // And the conversation takes its next prompt.
    await startTurn({ conversationId: conversation.id, ownerId, prompt: 'next' }).then((next) =>
      settled(next.messages.map((message) => message.id)),
    );
    const view = await getConversation({ id: conversation.id, ownerId, voterId: 'test-voter' });
    expect(view?.turns).toHaveLength(2);
  } finally {
    errors.mockRestore();
  }
});
