import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { waitFor } from '@/fake-backends/test-client';
import { deleteConversation } from '@/lib/conversations/write';
import { db } from '@/lib/db/client';
import { interruptAll, retryMessage } from '@/lib/generation/control';
import { beginRetry, recordStop } from '@/lib/generation/message-state';
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

it('of two retries of one attempt, only one starts', async () => {
  const { model, ids } = await slowTurn(3);
  const [id] = ids;
  if (!id) throw new Error('a message expected');
  await settled(ids);
  // Another instance retried it a moment ago: this one must not start the same attempt again.
  expect(await beginRetry({ id, attempt: 1 })).toBe(true);
  expect(await beginRetry({ id, attempt: 1 })).toBe(false);
  await db.message.update({ where: { id }, data: { status: 'done' } });
  const requests = fakes.runs().filter((run) => run.model === model).length;
  await expect(retryMessage({ id, ownerId })).resolves.toMatchObject({ attempt: 3 });
  await expect(beginRetry({ id, attempt: 2 })).resolves.toBe(false);
  await settled([id]);
  expect(fakes.runs().filter((run) => run.model === model)).toHaveLength(requests + 1);
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
