import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { waitFor } from '@/fake-backends/test-client';
import { type ClusterChannel, createPgChannel } from '@/lib/cluster/channel';
import { startHeartbeat } from '@/lib/cluster/heartbeat';
import { instanceId } from '@/lib/cluster/instance';
import { createDb } from '@/lib/db/client';
import { databaseUrl, isSqlite } from '@/lib/db/database-url';
import { beat, forgetInstances } from '@/lib/db/instances';
import { stopConversationElsewhere, stopElsewhere } from '@/lib/generation/cluster-control';
import type { MessageEvent } from '@/lib/generation/events';
import { followElsewhere } from '@/lib/generation/follow-elsewhere';
import type { LiveMessage } from '@/lib/generation/live-message';
import { recordStop } from '@/lib/generation/message-state';
import { liveMessages } from '@/lib/generation/registry';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';

// Two instances in one test process: this process's own generation code is instance A (its
// database client, registry and channel); instance B is a second database client, a second
// channel connection and an empty registry, on the same database. What B does is what the
// app does for a message it does not run.

let fakes: FakeBackends;
let ownerId: string;
const otherDb = createDb();

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
  await otherDb.$disconnect();
});

const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One slot streaming `tokens` words at 40 a second: long enough to act on mid-stream. */
async function slowMessage(tokens = 200) {
  const model = uniqueModel('cluster');
  const conversation = await lineupOf(fakes, [
    {
      kind: 'openai',
      script: { id: model, ttftMs: 10, tokensPerSecond: 40, answer: words(tokens) },
    },
  ]);
  const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
  const id = turn.messages[0]?.id ?? '';
  const live = liveMessages.get(id);
  if (!live) throw new Error('a live message expected');
  const run = () => fakes.runs().find((candidate) => candidate.model === model);
  return { id, live, conversation, run };
}

it('a stop recorded elsewhere wins: the runner aborts upstream and its final write changes nothing', async () => {
  const { id, live, run } = await slowMessage(400);
  await waitFor(() => live.content.length > 20, 'tokens', 3_000);
  await sleep(1_100);
  // Another instance records the Stop in the row directly (it could not reach this one).
  await recordStop({ id, attempt: 1, db: otherDb });
  const atStop = await otherDb.message.findUniqueOrThrow({ where: { id } });
  const stoppedAt = performance.now();
  await settled([id]);
  // Noticed at the next checkpoint (every second in tests), not at the end of the answer (10 s).
  expect(performance.now() - stoppedAt).toBeLessThan(4_000);
  expect(run()?.aborted).toBe(true);
  expect(live.content.length).toBeGreaterThan(atStop.content.length);
  const row = await otherDb.message.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe('stopped');
  expect(row.content).toBe(atStop.content);
  expect(row.content).not.toBe('');
});

it('a message whose conversation was deleted elsewhere is aborted at its next checkpoint', async () => {
  const { live, conversation, run } = await slowMessage(400);
  await waitFor(() => live.content.length > 20, 'tokens', 3_000);
  await otherDb.conversation.delete({ where: { id: conversation.id } });
  const deletedAt = performance.now();
  await live.settled;
  expect(performance.now() - deletedAt).toBeLessThan(4_000);
  expect(run()?.aborted).toBe(true);
});

describe.runIf(!isSqlite())('on PostgreSQL, through the cluster channel', () => {
  let channel: ClusterChannel;
  const b = () => ({ db: otherDb, channel });

  beforeAll(async () => {
    channel = createPgChannel(databaseUrl(), 'instance-b');
    // Instance A is alive: it has beaten (the app beats every 2 s; a test needs one).
    await beat({ id: instanceId });
  });
  afterAll(async () => {
    await channel.close();
    await forgetInstances({ id: instanceId });
  });

  it('a Stop handled on B reaches A at once, which saves its text so far as stopped', async () => {
    const { id, live, run } = await slowMessage();
    await waitFor(() => live.content.length > 20, 'tokens', 3_000);
    await beat({ id: instanceId });
    const startedAt = performance.now();
    await stopElsewhere({ message: { id, attempt: 1, instanceId }, via: b() });
    const tookMs = performance.now() - startedAt;
    expect(tookMs).toBeLessThan(1_000);
    expect(run()?.aborted).toBe(true);
    const row = await otherDb.message.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('stopped');
    // A's own final write, with everything it had received: not the last checkpoint.
    expect(row.content).toBe(live.content);
    expect(live.status).toBe('stopped');
  });

  it('a conversation deleted through B has A’s messages of it stopped at once, and no others', async () => {
    const [deleted, other] = await Promise.all([slowMessage(), slowMessage()]);
    await waitFor(() => deleted.live.content.length > 20, 'tokens', 3_000);
    // What B does before deleting the rows; they stay here, so no checkpoint can notice.
    stopConversationElsewhere({ conversationId: deleted.conversation.id, channel });
    await waitFor(() => deleted.live.finished, 'the stop', 1_000);
    await settled([deleted.id]);
    expect(deleted.run()?.aborted).toBe(true);
    const row = await otherDb.message.findUniqueOrThrow({ where: { id: deleted.id } });
    expect(row).toMatchObject({ status: 'stopped', content: deleted.live.content });
    expect(other.live.finished).toBe(false);
    other.live.controller.abort();
    await settled([other.id]);
  });

  it('a client re-attaching through B gets the saved text, then A’s tokens as they come', async () => {
    const { id, live } = await slowMessage(160);
    // Tokens as A's own subscribers see them, with when they arrived.
    const onA: { at: number; length: number }[] = [];
    live.subscribe(
      () => onA.push({ at: performance.now(), length: live.content.length }),
      () => {},
    );
    await waitFor(() => live.content.length > 40, 'tokens', 3_000);
    await sleep(1_100);
    const onB: { at: number; event: MessageEvent }[] = [];
    let ended = false;
    followElsewhere(
      { ...b(), lives: new Map<string, LiveMessage>() },
      id,
      (frame) => {
        const data = frame.match(/^data: (.*)$/m)?.[1] ?? '{}';
        onB.push({ at: performance.now(), event: JSON.parse(data) });
      },
      () => {
        ended = true;
      },
    );
    await waitFor(() => ended, 'the end of the message', 8_000);
    const [first, ...rest] = onB.map((entry) => entry.event);
    // The saved text first (the last checkpoint), then pieces that extend it.
    expect(first).toMatchObject({ type: 'snapshot', status: 'streaming' });
    const saved = first?.type === 'snapshot' ? first.content : '';
    expect(saved.length).toBeGreaterThan(0);
    const pieces = rest.flatMap((event) => (event.type === 'content' ? [event.text] : []));
    expect(saved + pieces.join('')).toBe(words(160));
    expect(rest.at(-1)).toMatchObject({ type: 'done', status: 'done' });
    // Live tokens, not a checkpoint a second: many small pieces, each soon after A had it.
    expect(pieces.length).toBeGreaterThan(20);
    let length = saved.length;
    const lags: number[] = [];
    for (const { at, event } of onB.slice(1)) {
      if (event.type !== 'content') continue;
      length += event.text.length;
      const onAAt = onA.find((entry) => entry.length >= length)?.at ?? at;
      lags.push(at - onAAt);
    }
    lags.sort((x, y) => x - y);
    const p90 = lags[Math.floor(lags.length * 0.9)] ?? Number.POSITIVE_INFINITY;
    console.log(
      `re-attach through B: ${lags.length} pieces; lag behind A p50 ${lags[Math.floor(lags.length / 2)]?.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms`,
    );
    expect(p90).toBeLessThan(150);
  }, 15_000);

  it('marks a silent instance’s messages interrupted within seconds; the runner, if alive, aborts', async () => {
    const { id, live, run } = await slowMessage(400);
    await waitFor(() => live.content.length > 20, 'tokens', 3_000);
    await beat({ id: instanceId });
    const lastBeat = performance.now();
    // B beats and sweeps; A (this process's instance) beats no more, as if it had died.
    const stopB = await startHeartbeat({ id: 'instance-b', db: otherDb });
    try {
      await waitFor(() => live.finished, 'the interruption', 10_000);
      const afterMs = performance.now() - lastBeat;
      expect(afterMs).toBeGreaterThan(5_000);
      expect(afterMs).toBeLessThan(8_000);
      await settled([id]);
      const row = await otherDb.message.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe('interrupted');
      expect(row.content).toMatch(/^w0 w1 w2/);
      expect(run()?.aborted).toBe(true);
      expect(live.status).toBe('interrupted');
    } finally {
      await stopB();
    }
  }, 15_000);
});
