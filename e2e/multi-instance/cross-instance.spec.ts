import { expect, test } from '@playwright/test';
import type { ConversationView } from '@/lib/api/views';
import {
  api,
  messageNow,
  openEvents,
  otherThan,
  scriptOllamaModel,
  startComparison,
  steerTo,
  upstreamAborted,
  upstreams,
  waitForMessage,
} from './api';
import { FollowedAnswer, follow } from './events';

// Two instances on one PostgreSQL behind nginx (round-robin, no sticky sessions): whichever
// instance a request lands on, it sees and controls what the other started.

const run = Date.now().toString(36);
const words = (count: number) => Array.from({ length: count }, (_, n) => `word${n}`).join(' ');
/** Quick answers, for what needs finished turns. */
const fast = [`mi-fast-a-${run}`, `mi-fast-b-${run}`];
/** About 40 s of answer: still streaming while a test stops it or re-attaches to it. */
const slow = [`mi-slow-a-${run}`, `mi-slow-b-${run}`];

test.beforeAll(async () => {
  for (const id of fast) {
    await scriptOllamaModel({ id, tokensPerSecond: 400, ttftMs: 20, answer: `Four, says ${id}.` });
  }
  for (const id of slow)
    await scriptOllamaModel({ id, tokensPerSecond: 20, ttftMs: 20, answer: words(800) });
});

/** Stops every message of a conversation still running, so no stream outlives its test. */
async function stopAll(conversationId: string) {
  const { body } = await api<{ conversation: ConversationView }>(
    `/api/conversations/${conversationId}`,
  );
  for (const message of body.conversation.turns.flatMap((turn) => turn.messages)) {
    if (message.status === 'streaming' || message.status === 'pending') {
      await api(`/api/messages/${message.id}/stop`, { method: 'POST' });
    }
  }
}

test('a conversation started on one instance is listed and read on the other', async () => {
  const started = await startComparison(fast, 'What is 2 + 2?');
  for (const upstream of upstreams()) {
    await steerTo(upstream);
    const list = await api<{ conversations: { id: string }[] }>('/api/conversations');
    expect(list.upstream).toBe(upstream);
    expect(list.body.conversations.map((conversation) => conversation.id)).toContain(started.id);
    await steerTo(upstream);
    const read = await api<{ conversation: ConversationView }>(`/api/conversations/${started.id}`);
    expect(read.upstream).toBe(upstream);
    expect(read.body.conversation.slots.map((slot) => slot.model)).toEqual(fast);
  }
  for (const [index, message] of started.messages.entries()) {
    const done = await waitForMessage(started.id, message.id, (m) => m.status === 'done');
    expect(done.content).toBe(`Four, says ${fast[index]}.`);
  }
});

for (const via of ['the instance running it', 'the other instance'] as const) {
  test(`Stop through ${via} stops the answer and its upstream request`, async () => {
    // Models of this test's own, so the fake's record of their requests is this test's.
    const models = slow.map((id) => `${id}-stop-${via.split(' ')[1]}`);
    for (const id of models)
      await scriptOllamaModel({ id, tokensPerSecond: 20, ttftMs: 20, answer: words(800) });
    const started = await startComparison(models);
    const [message] = started.messages;
    if (!message) throw new Error('the turn has no message');
    await waitForMessage(started.id, message.id, (m) => m.content.length > 0);
    const target =
      via === 'the instance running it' ? started.upstream : otherThan(started.upstream);
    await steerTo(target);
    const stop = await api(`/api/messages/${message.id}/stop`, { method: 'POST' });
    expect(stop.upstream).toBe(target);
    expect(stop.status).toBe(200);
    try {
      const stopped = await waitForMessage(
        started.id,
        message.id,
        (m) => m.status === 'stopped',
        5_000,
      );
      await expect.poll(() => upstreamAborted(models[0] ?? ''), { timeout: 5_000 }).toBe(true);
      // Nothing arrives after the stop.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await messageNow(started.id, message.id)).content).toBe(stopped.content);
      expect(await upstreamAborted(models[1] ?? '')).toBe(false);
    } finally {
      await stopAll(started.id);
    }
  });
}

for (const via of ['the instance running it', 'the other instance'] as const) {
  test(`re-attaching through ${via} shows the text so far, then live tokens`, async () => {
    const started = await startComparison(slow);
    const [message] = started.messages;
    if (!message) throw new Error('the turn has no message');
    try {
      await waitForMessage(started.id, message.id, (m) => m.content.length > 0);
      const target =
        via === 'the instance running it' ? started.upstream : otherThan(started.upstream);
      await steerTo(target);
      const { response, upstream } = await openEvents(message.id);
      expect(upstream).toBe(target);
      const answer = new FollowedAnswer();
      const liveEvents = () => answer.events.filter((event) => event.type === 'content').length;
      const ended = await Promise.race([
        follow(response.body as ReadableStream<Uint8Array>, answer, () => liveEvents() >= 5),
        new Promise<'silent'>((resolve) => setTimeout(() => resolve('silent'), 10_000)),
      ]);
      expect(answer.events[0]?.type).toBe('snapshot');
      expect(answer.events[0]?.content?.length).toBeGreaterThan(0);
      expect(ended).toBe('until');
      // What the stream gave is the answer as the instance running it has it.
      const now = await messageNow(started.id, message.id);
      expect(answer.content.startsWith(now.content) || now.content.startsWith(answer.content)).toBe(
        true,
      );
    } finally {
      await stopAll(started.id);
    }
  });
}

test('simultaneous votes through both instances count once; the leaderboard is the same from both', async () => {
  const battle = await api<{ battle: { id: string } }>('/api/battles', {
    method: 'POST',
    body: { pool: fast.map((model) => ({ backendId: 'ollama', model })) },
  });
  expect(battle.status).toBe(201);
  const { id } = battle.body.battle;
  const turn = await api<{ turn: { messages: { id: string }[] } }>(
    `/api/conversations/${id}/turns`,
    {
      method: 'POST',
      body: { prompt: 'What is 2 + 2?' },
    },
  );
  expect(turn.status).toBe(201);
  for (const message of turn.body.turn.messages) {
    await waitForMessage(id, message.id, (m) => m.status === 'done');
  }
  // Two at once: round-robin hands them to different instances.
  const votes = await Promise.all(
    (['a', 'b'] as const).map((outcome) =>
      api(`/api/battles/${id}/vote`, { method: 'POST', body: { outcome } }),
    ),
  );
  expect(new Set(votes.map((vote) => vote.upstream)).size).toBe(2);
  expect(votes.map((vote) => vote.status).sort()).toEqual([200, 409]);

  const boards = [];
  for (const upstream of upstreams()) {
    await steerTo(upstream);
    const board = await api<{ leaderboard: unknown }>('/api/leaderboard');
    expect(board.upstream).toBe(upstream);
    expect(board.status).toBe(200);
    boards.push(board.body.leaderboard);
  }
  expect(boards[1]).toEqual(boards[0]);
});

test('a revoked share is 404 from both instances', async () => {
  const started = await startComparison(fast, 'What is 2 + 2?');
  for (const message of started.messages) {
    await waitForMessage(started.id, message.id, (m) => m.status === 'done');
  }
  const made = await api<{ share: { id: string; path: string } }>(
    `/api/conversations/${started.id}/shares`,
    { method: 'POST', body: {} },
  );
  expect(made.status).toBe(201);
  const { id, path } = made.body.share;
  const statuses = async () => {
    const seen: Record<string, number> = {};
    for (const upstream of upstreams()) {
      await steerTo(upstream);
      const page = await api(`/api${path}/turns?before=1`);
      expect(page.upstream).toBe(upstream);
      seen[upstream] = page.status;
    }
    return seen;
  };
  expect(Object.values(await statuses())).toEqual([200, 200]);
  expect((await api(`/api/shares/${id}`, { method: 'DELETE' })).status).toBe(204);
  expect(Object.values(await statuses())).toEqual([404, 404]);
});
