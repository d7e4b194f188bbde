import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { waitFor } from '@/fake-backends/test-client';
import { deleteConversation } from '@/lib/conversations/write';
import { db } from '@/lib/db/client';
import { interruptAll, retryMessage, showMessage } from '@/lib/generation/control';
import { recordStop } from '@/lib/generation/message-state';
import { liveMessages } from '@/lib/generation/registry';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';

// How a message ends, and what it leaves behind: one test per guard a one-line change could
// remove without any other test noticing.

let fakes: FakeBackends;
let ownerId: string;

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function slowTurn(tokens = 200) {
  const model = uniqueModel('slow');
  const conversation = await lineupOf(fakes, [
    {
      kind: 'openai',
      script: { id: model, ttftMs: 10, tokensPerSecond: 40, answer: words(tokens) },
    },
    {
      kind: 'ollama',
      script: { id: model, ttftMs: 10, tokensPerSecond: 40, answer: words(tokens) },
    },
  ]);
  const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
  return { model, conversation, turn, ids: turn.messages.map((message) => message.id) };
}

it('a finished message is never aborted later by its stall timer', async () => {
  const model = uniqueModel('quick');
  const conversation = await lineupOf(fakes, [
    { kind: 'openai', script: { id: model, ttftMs: 5, tokensPerSecond: 500, answer: words(5) } },
    { kind: 'ollama', script: { id: model, ttftMs: 5, tokensPerSecond: 500, answer: words(5) } },
  ]);
  const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
  const lives = turn.messages.map((message) => liveMessages.get(message.id));
  await settled(turn.messages.map((message) => message.id));
  // Past the idle timeout the tests run with (VERSUS_IDLE_TIMEOUT_MS=1000).
  await sleep(1_300);
  expect(lives.map((live) => live?.controller.signal.aborted)).toEqual([false, false]);
});

it('refuses a prompt while the previous turn runs, before any request leaves', async () => {
  const { model, conversation, ids } = await slowTurn();
  await expect(
    startTurn({ conversationId: conversation.id, ownerId, prompt: 'again' }),
  ).rejects.toMatchObject({ code: 'conflict' });
  await sleep(100);
  // Two slots, one turn: two requests, not four.
  expect(fakes.runs().filter((run) => run.model === model)).toHaveLength(2);
  await Promise.all(ids.map((id) => liveMessages.get(id)?.controller.abort()));
  await settled(ids);
});

it('deleting a conversation stops its generation upstream', async () => {
  const { model, conversation, ids } = await slowTurn();
  await sleep(200);
  await deleteConversation({ id: conversation.id, ownerId });
  expect(ids.map((id) => liveMessages.has(id))).toEqual([false, false]);
  await waitFor(
    () => fakes.runs().filter((run) => run.model === model && run.aborted).length === 2,
    'both upstream requests to be aborted',
  );
  expect(await db.message.count({ where: { id: { in: ids } } })).toBe(0);
});

it('a retry adds an attempt and keeps the earlier one; of two racing retries one starts', async () => {
  const { model, ids, turn, conversation } = await slowTurn(3);
  const [id] = ids;
  if (!id) throw new Error('a message expected');
  await settled(ids);
  const requests = fakes.runs().filter((run) => run.model === model).length;
  // Two retries at once (two tabs, or two instances): one new attempt, one conflict.
  const results = await Promise.allSettled([
    retryMessage({ id, ownerId }),
    retryMessage({ id, ownerId }),
  ]);
  const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  expect(won).toHaveLength(1);
  expect(results.filter((result) => result.status === 'rejected')).toMatchObject([
    { reason: { code: 'conflict' } },
  ]);
  const retried = won[0];
  if (!retried) throw new Error('one retry should start');
  expect(retried).toMatchObject({ attempt: 2, shown: true, status: 'pending' });
  expect(retried.id).not.toBe(id);
  await settled([retried.id]);
  const rows = await db.message.findMany({
    where: { turnId: turn.id, slotId: retried.slotId },
    orderBy: { attempt: 'asc' },
  });
  expect(rows.map((row) => [row.attempt, row.shown, row.status])).toEqual([
    [1, false, 'done'],
    [2, true, 'done'],
  ]);
  expect(rows[0]?.content).toBe(words(3));
  expect(fakes.runs().filter((run) => run.model === model)).toHaveLength(requests + 1);
  // While an attempt runs, no other retry starts.
  const third = await retryMessage({ id: retried.id, ownerId });
  await expect(retryMessage({ id, ownerId })).rejects.toMatchObject({ code: 'conflict' });
  await settled([third.id]);

  // The slot's next prompt goes on from the attempt on show: here the first again.
  fakes.scriptModel('openai', { id: model, ttftMs: 5, tokensPerSecond: 500, answer: 'other' });
  await expect(showMessage({ id, ownerId })).resolves.toMatchObject({ id, shown: true });
  const next = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'next' });
  await settled(next.messages.map((message) => message.id));
  const sent = fakes
    .runs('openai')
    .filter((run) => run.model === model)
    .at(-1)?.request as { messages: { role: string; content: string }[] };
  expect(sent.messages.map((message) => message.content)).toEqual(['go', words(3), 'next']);
});

it('a shutdown saves every running message as interrupted, with its text', async () => {
  const { ids } = await slowTurn();
  await sleep(400);
  const count = await interruptAll();
  expect(count).toBeGreaterThanOrEqual(2);
  const rows = await db.message.findMany({ where: { id: { in: ids } } });
  for (const row of rows) {
    expect(row.status).toBe('interrupted');
    expect(row.errorCode).toBe('interrupted');
    expect(row.content).toMatch(/^w0 w1 w2/);
    expect(row.finishedAt).not.toBeNull();
  }
  expect(ids.some((id) => liveMessages.has(id))).toBe(false);
});

it('a final write never overrides a Stop recorded elsewhere', async () => {
  const { ids } = await slowTurn(20);
  const [id] = ids;
  if (!id) throw new Error('a message expected');
  await sleep(200);
  // Another instance took the Stop: it could only mark the row.
  await recordStop({ id, attempt: 1 });
  await settled(ids);
  const row = await db.message.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe('stopped');
  expect(row.content).not.toBe(words(20));
});
