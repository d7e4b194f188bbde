import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { waitFor } from '@/fake-backends/test-client';
import { startRecordedServer } from '@/lib/backends/recorded-server';
import { listModels } from '@/lib/catalog/model-cache';
import { getConversation } from '@/lib/conversations/read';
import { createConversation } from '@/lib/conversations/write';
import { db } from '@/lib/db/client';
import { isSqlite } from '@/lib/db/database-url';
import { retryMessage, stopMessage } from '@/lib/generation/control';
import { liveMessages } from '@/lib/generation/registry';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';

let fakes: FakeBackends;
let ownerId: string;

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

const within = (actual: number | null, expected: number, tolerance = 0.05) => {
  expect(actual).not.toBeNull();
  const error = Math.abs((actual as number) - expected) / expected;
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
};

// Enough tokens that tokens per second is a rate, not an accident of two timestamps; and times
// to first token long enough that 5% is more than a busy machine's scheduling jitter (tens of
// ms on 2 shared cores), which is what an absolute error of the measurement looks like.
const filler = Array.from({ length: 40 }, (_, index) => `step${index}`).join(' ');

describe('a turn across the three backend kinds', () => {
  it('streams in parallel, splits reasoning from content and measures like the ground truth', async () => {
    const models = {
      ollama: uniqueModel('r1-7b'),
      openai: uniqueModel('r1-distill'),
      deepseek: uniqueModel('ds-reasoner'),
    };
    const conversation = await lineupOf(fakes, [
      {
        kind: 'ollama',
        params: { think: true },
        script: {
          id: models.ollama,
          reasoningStyle: 'field',
          tokensPerSecond: 50,
          ttftMs: 2000,
          reasoning: 'Count legs: 35 heads, 94 legs.',
          answer: `Chickens 23, rabbits 12 — done. ${filler} {{prompt}}`,
        },
      },
      {
        kind: 'openai',
        script: {
          id: models.openai,
          reasoningStyle: 'closing-tag',
          tokensPerSecond: 40,
          ttftMs: 2200,
          reasoning: 'Let x be chickens and y rabbits.',
          answer: `There are 23 chickens and 12 rabbits. ${filler}`,
        },
      },
      {
        kind: 'deepseek',
        script: {
          id: models.deepseek,
          reasoningStyle: 'field',
          tokensPerSecond: 60,
          ttftMs: 2400,
          reasoning: 'Solve 2x + 4y = 94 with x + y = 35.',
          answer: `Answer: 23 chickens, 12 rabbits. ✅ ${filler}`,
        },
      },
    ]);
    // Measure a warm process, as a running server is: the first request of each kind pays for
    // Node's first fetch and the JIT, which is not the backend's time to first token.
    const warmUp = await lineupOf(
      fakes,
      (['ollama', 'openai', 'deepseek'] as const).map((kind) => ({
        kind,
        script: { id: uniqueModel(`warm-${kind}`), ttftMs: 5, tokensPerSecond: 500 },
      })),
    );
    const warmTurn = await startTurn({ conversationId: warmUp.id, ownerId, prompt: 'warm up' });
    await settled(warmTurn.messages.map((message) => message.id));
    await Promise.all(
      (['ollama', 'openai', 'deepseek'] as const).map((kind) =>
        listModels({ kind, baseUrl: fakes.urls[kind], apiKey: 'sk-test' }, { fresh: true }),
      ),
    );
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'How many?' });
    const rows = await settled(turn.messages.map((message) => message.id));

    expect(rows.map((row) => [row.status, row.errorMessage])).toEqual([
      ['done', null],
      ['done', null],
      ['done', null],
    ]);
    expect(rows[0]?.reasoning.trim()).toBe('Count legs: 35 heads, 94 legs.');
    expect(rows[0]?.content.trim()).toBe(`Chickens 23, rabbits 12 — done. ${filler} How many?`);
    expect(rows[1]?.reasoning.trim()).toBe('Let x be chickens and y rabbits.');
    expect(rows[1]?.content.trim()).toBe(`There are 23 chickens and 12 rabbits. ${filler}`);
    expect(rows[2]?.reasoning.trim()).toBe('Solve 2x + 4y = 94 with x + y = 35.');
    expect(rows[2]?.content.trim()).toBe(`Answer: 23 chickens, 12 rabbits. ✅ ${filler}`);

    const truth = {
      ollama: fakes.runs('ollama').filter((run) => run.model === models.ollama),
      openai: fakes.runs('openai').filter((run) => run.model === models.openai),
      deepseek: fakes.runs('deepseek').filter((run) => run.model === models.deepseek),
    };
    const runs = [truth.ollama[0], truth.openai[0], truth.deepseek[0]];
    runs.forEach((run, index) => {
      const row = rows[index];
      if (!run || !row) throw new Error('missing run or row');
      // Ground truth is what the fake did (its own clock), not what it was asked to do: on a
      // busy machine its timers run late too, and that is not the app's measuring error.
      const emittedTtft = (run.firstTokenAt ?? 0) - run.startedAt;
      const emittedRate =
        ((run.completionTokens - 1) / ((run.lastTokenAt ?? 0) - (run.firstTokenAt ?? 0))) * 1000;
      within(row.ttftMs, emittedTtft);
      // Ollama reports its own generation time (eval_duration), which the fake sets from its
      // configured rate; the SSE backends are measured from token arrival times.
      within(row.tokensPerSecond, index === 0 ? run.tokensPerSecond : emittedRate);
      expect(row.completionTokens).toBe(run.completionTokens);
      expect(row.countsReported).toBe(true);
      expect(row.totalMs).toBeGreaterThan(row.ttftMs ?? 0);
      expect(row.reasoningMs).toBeGreaterThan(0);
    });
    // Truly parallel: all three requests reached their backends within a moment of each other.
    const starts = runs.map((run) => run?.startedAt ?? 0);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(150);
    // Each answer records what produced it.
    expect(JSON.parse(rows[0]?.params ?? '{}')).toEqual({ think: true });
    expect(JSON.parse(rows[0]?.modelInfo ?? '{}')).toMatchObject({
      id: models.ollama,
      parameterSize: '7.6B',
      quantization: 'Q4_K_M',
      digest: expect.any(String),
      backendVersion: expect.any(String),
    });
    // Ollama's think flag went upstream because the slot asked for it.
    expect(truth.ollama[0]?.request).toMatchObject({ think: true });
  }, 20_000); // about 3 s of streaming; a busy machine stretches it
});

describe('faults stay in their own column', () => {
  const healthy = () => ({
    kind: 'ollama' as const,
    script: {
      id: uniqueModel('healthy'),
      tokensPerSecond: 200,
      ttftMs: 50,
      answer: 'I am fine and complete.',
    },
  });

  const cases = [
    {
      name: '401',
      kind: 'deepseek',
      fault: { kind: 'http-error', status: 401 },
      code: 'backend_unauthorized',
    },
    {
      name: '402',
      kind: 'deepseek',
      fault: { kind: 'http-error', status: 402 },
      code: 'backend_payment_required',
    },
    {
      name: '429',
      kind: 'deepseek',
      fault: { kind: 'http-error', status: 429 },
      code: 'rate_limited',
    },
    {
      name: '500',
      kind: 'deepseek',
      fault: { kind: 'http-error', status: 500 },
      code: 'backend_error',
    },
    {
      name: '503',
      kind: 'deepseek',
      fault: { kind: 'http-error', status: 503 },
      code: 'backend_overloaded',
    },
    {
      name: 'context too long',
      kind: 'openai',
      fault: { kind: 'context-too-long' },
      code: 'context_too_long',
    },
    {
      name: 'model not found',
      kind: 'ollama',
      fault: { kind: 'model-not-found' },
      code: 'model_not_found',
    },
    {
      name: 'error mid-stream (SSE)',
      kind: 'openai',
      fault: { kind: 'error-mid-stream', afterTokens: 3 },
      code: 'backend_error',
      keeps: true,
    },
    {
      name: 'error mid-stream (NDJSON)',
      kind: 'ollama',
      fault: { kind: 'error-mid-stream', afterTokens: 3 },
      code: 'backend_error',
      keeps: true,
    },
    {
      name: 'malformed line (SSE)',
      kind: 'deepseek',
      fault: { kind: 'malformed-line', afterTokens: 3 },
      code: 'malformed_stream',
      keeps: true,
    },
    {
      name: 'malformed line (NDJSON)',
      kind: 'ollama',
      fault: { kind: 'malformed-line', afterTokens: 3 },
      code: 'malformed_stream',
      keeps: true,
    },
    {
      name: 'keep-alives only',
      kind: 'deepseek',
      fault: { kind: 'keepalive-only', intervalMs: 200 },
      code: 'stream_timeout',
    },
    {
      name: 'stall mid-way',
      kind: 'openai',
      fault: { kind: 'stall', afterTokens: 3 },
      code: 'stream_timeout',
      keeps: true,
    },
    {
      name: 'stall mid-way (NDJSON)',
      kind: 'ollama',
      fault: { kind: 'stall', afterTokens: 3 },
      code: 'stream_timeout',
      keeps: true,
    },
    {
      name: 'ends without its final record (SSE)',
      kind: 'openai',
      fault: { kind: 'truncate', afterTokens: 3 },
      code: 'incomplete_stream',
      keeps: true,
    },
    {
      name: 'ends without its final record (NDJSON)',
      kind: 'ollama',
      fault: { kind: 'truncate', afterTokens: 3 },
      code: 'incomplete_stream',
      keeps: true,
    },
    {
      name: 'connection dropped',
      kind: 'deepseek',
      fault: { kind: 'drop', afterTokens: 3 },
      code: 'incomplete_stream',
      keeps: true,
    },
  ] as const;

  it.each(cases)(
    '$name → $code, the other column finishes',
    async ({ kind, fault, code, ...rest }) => {
      const keeps = 'keeps' in rest;
      const conversation = await lineupOf(fakes, [
        healthy(),
        {
          kind,
          script: {
            id: uniqueModel('faulty'),
            tokensPerSecond: 100,
            ttftMs: 20,
            answer: 'one two three four five six',
            fault,
          },
        },
      ]);
      const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
      const [good, bad] = await settled(turn.messages.map((message) => message.id));
      expect(good?.status).toBe('done');
      expect(good?.content.trim()).toBe('I am fine and complete.');
      expect(bad?.status).toBe('error');
      expect(bad?.errorCode).toBe(code);
      expect(bad?.errorMessage?.length).toBeGreaterThan(10);
      expect(bad?.errorMessage).not.toContain('sk-test');
      if (keeps) expect(bad?.content.trim()).toBe('one two three');
    },
  );

  it('an unreachable backend fails fast with a clear message', async () => {
    const conversation = await lineupOf(fakes, [
      healthy(),
      { kind: 'down', script: { id: 'any-model' } },
    ]);
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const [good, bad] = await settled(turn.messages.map((message) => message.id));
    expect(good?.status).toBe('done');
    expect(bad?.errorCode).toBe('backend_unreachable');
    // The backend's name, not its address, starts the message.
    expect(bad?.errorMessage).toMatch(/^Could not reach test-down: connection refused\./);
  });
});

describe('control', () => {
  it('Stop aborts only that upstream request and keeps its text', async () => {
    const slow = uniqueModel('slow');
    const conversation = await lineupOf(fakes, [
      {
        kind: 'openai',
        script: {
          id: slow,
          tokensPerSecond: 20,
          ttftMs: 20,
          answer: 'a b c d e f g h i j k l m n o p q r s t u v w x y z',
        },
      },
      {
        kind: 'deepseek',
        script: {
          id: uniqueModel('other'),
          tokensPerSecond: 20,
          ttftMs: 20,
          answer: 'one two three four five six seven eight nine ten',
        },
      },
    ]);
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const [first, second] = turn.messages;
    if (!first || !second) throw new Error('two messages expected');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const stopped = await stopMessage({ id: first.id, ownerId });
    expect(stopped.status).toBe('stopped');
    expect(stopped.content.length).toBeGreaterThan(0);
    const [, other] = await settled([first.id, second.id]);
    expect(other?.status).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const slowRun = fakes.runs('openai').find((run) => run.model === slow);
    expect(slowRun?.aborted).toBe(true);
    expect(
      fakes.runs('deepseek').find((run) => run.model === conversation.slots[1]?.model)?.aborted,
    ).toBe(false);
  });

  it('a backend that has not answered yet (a model loading) holds neither the turn nor a Stop', async () => {
    const held = await startRecordedServer(() => ({
      beforeHeaders: () => new Promise(() => {}),
      writes: [],
    }));
    await db.backend.upsert({
      where: { id: 'test-held' },
      create: {
        id: 'test-held',
        kind: 'ollama',
        label: 'held',
        baseUrl: held.baseUrl,
        source: 'ui',
      },
      update: { baseUrl: held.baseUrl },
    });
    const conversation = await createConversation({
      ownerId,
      voterId: 'test-voter',
      input: {
        runMode: 'parallel',
        lineup: [{ backendId: 'test-held', model: 'loading', params: {} }],
      },
    });

    const startedAt = performance.now();
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const tookMs = performance.now() - startedAt;

    const id = turn.messages[0]?.id ?? '';
    expect(turn.messages[0]?.status).toBe('streaming');
    expect(held.requests.map((request) => request.path)).toContain('/api/chat');
    // The cap plus a read and a write; without the cap this never returns.
    expect(tookMs).toBeLessThan(500);
    // Stop answers at once, though the backend's model listing is still held too: the final
    // write does not wait for it (it did, for up to the listing's 5 s timeout).
    const stopStartedAt = performance.now();
    const stopped = await stopMessage({ id, ownerId });
    expect(stopped.status).toBe('stopped');
    expect(performance.now() - stopStartedAt).toBeLessThan(1_000);
    await held.close();
  });

  it('Retry starts a failed message over', async () => {
    const model = uniqueModel('flaky');
    const conversation = await lineupOf(fakes, [
      { kind: 'openai', script: { id: model, fault: { kind: 'http-error', status: 503 } } },
      { kind: 'ollama', script: { id: uniqueModel('steady'), ttftMs: 10, tokensPerSecond: 200 } },
    ]);
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'again' });
    const ids = turn.messages.map((message) => message.id);
    const [failed] = await settled(ids);
    expect(failed?.status).toBe('error');
    fakes.scriptModel('openai', {
      id: model,
      ttftMs: 10,
      tokensPerSecond: 200,
      answer: 'Recovered.',
    });
    const retried = await retryMessage({ id: failed?.id ?? '', ownerId });
    expect(retried.attempt).toBe(2);
    const [done, first] = await settled([retried.id, failed?.id ?? '']);
    expect(done?.status).toBe('done');
    expect(done?.content.trim()).toBe('Recovered.');
    expect(done?.errorCode).toBeNull();
    // The failed attempt is kept, no longer on show.
    expect([first?.status, first?.shown]).toEqual(['error', false]);
  });

  it('a follow-up sends each slot its own history, without reasoning', async () => {
    const model = uniqueModel('echo');
    const conversation = await lineupOf(fakes, [
      {
        kind: 'deepseek',
        script: {
          id: model,
          reasoningStyle: 'field',
          reasoning: 'SECRET-THOUGHT',
          ttftMs: 10,
          tokensPerSecond: 300,
          answer: 'Seen {{messageCount}} messages.',
        },
        params: { systemPrompt: 'Be brief.' },
      },
      { kind: 'ollama', script: { id: uniqueModel('other'), ttftMs: 10, tokensPerSecond: 300 } },
    ]);
    const first = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'one' });
    await settled(first.messages.map((message) => message.id));
    const second = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'two' });
    const [row] = await settled(second.messages.map((message) => message.id));
    // system + user + assistant + user
    expect(row?.content.trim()).toBe('Seen 4 messages.');
    const request = fakes.runs('deepseek').filter((run) => run.model === model)[1]?.request;
    expect(JSON.stringify(request)).not.toContain('SECRET-THOUGHT');
    // The first answer (system + user = 2 messages seen) went back as this slot's history.
    expect(JSON.stringify(request)).toContain('Seen 2 messages.');
  });

  it('one at a time: a sequential lineup never overlaps its requests', async () => {
    const models = [uniqueModel('gpu-a'), uniqueModel('gpu-b')];
    const conversation = await lineupOf(
      fakes,
      models.map((id) => ({
        kind: 'ollama' as const,
        script: { id, ttftMs: 30, tokensPerSecond: 100, answer: 'x y z w' },
      })),
      'sequential',
    );
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const rows = await settled(turn.messages.map((message) => message.id));
    expect(rows.map((row) => row.status)).toEqual(['done', 'done']);
    const [a, b] = models.map((id) => fakes.runs('ollama').find((run) => run.model === id));
    expect(b?.startedAt).toBeGreaterThanOrEqual(a?.endedAt ?? Number.POSITIVE_INFINITY);
  });
});

describe('persistence', () => {
  it("a new turn's answer is what reading its rows back gives", async () => {
    const models = [uniqueModel('view-a'), uniqueModel('view-b')];
    const conversation = await lineupOf(
      fakes,
      models.map((id, position) => ({
        kind: 'openai' as const,
        // Slow enough that nothing arrives before the rows are read back.
        script: { id, ttftMs: 3000, tokensPerSecond: 100 },
        params: position === 0 ? { temperature: 0.3, systemPrompt: 'Be brief.' } : {},
      })),
      'sequential',
    );

    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'look' });
    const read = await getConversation({ id: conversation.id, ownerId, voterId: 'test-voter' });

    expect(read?.turns).toEqual([turn]);
    expect(turn.messages.map((message) => message.status)).toEqual(['streaming', 'pending']);
    await Promise.all(turn.messages.map((message) => stopMessage({ id: message.id, ownerId })));
  });

  it('checkpoints partial text about once a second while streaming', async () => {
    const conversation = await lineupOf(fakes, [
      {
        kind: 'openai',
        script: {
          id: uniqueModel('long'),
          ttftMs: 10,
          tokensPerSecond: 25,
          answer: Array.from({ length: 70 }, (_, i) => `w${i}`).join(' '),
        },
      },
      { kind: 'ollama', script: { id: uniqueModel('short'), ttftMs: 10, tokensPerSecond: 300 } },
    ]);
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const id = turn.messages[0]?.id ?? '';
    const seen: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const row = await db.message.findUniqueOrThrow({ where: { id } });
      seen.push(row.content.length);
    }
    await settled([id]);
    // The saved text grows while streaming, never more than a second behind.
    expect(seen.filter((length) => length > 0).length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBeGreaterThanOrEqual(2);
  });

  /** Makes inserts into `table` fail for turns whose prompt is `prompt`; returns the undo. */
  async function failInserts(table: 'Turn' | 'Message', prompt: string) {
    const promptOf =
      table === 'Turn' ? 'NEW.prompt' : `(SELECT prompt FROM "Turn" WHERE id = NEW."turnId")`;
    if (isSqlite()) {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER IF NOT EXISTS test_fail_${table} BEFORE INSERT ON "${table}"
         WHEN ${promptOf} = '${prompt}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION test_fail_${table}() RETURNS trigger AS $$ BEGIN
           IF ${promptOf} = '${prompt}' THEN RAISE EXCEPTION 'injected failure'; END IF;
           RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE OR REPLACE TRIGGER test_fail_${table} BEFORE INSERT ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION test_fail_${table}()`,
      );
    }
    return () =>
      db.$executeRawUnsafe(
        isSqlite()
          ? `DROP TRIGGER IF EXISTS test_fail_${table}`
          : `DROP TRIGGER IF EXISTS test_fail_${table} ON "${table}"`,
      );
  }

  it('a turn whose messages fail to write aborts its requests and leaves nothing behind', async () => {
    // The requests leave before the messages are written; make that write fail.
    const undo = await failInserts('Message', 'roll back');
    const model = uniqueModel('rolled-back');
    const conversation = await lineupOf(fakes, [
      { kind: 'openai', script: { id: model, ttftMs: 5_000 } },
      { kind: 'ollama', script: { id: model, ttftMs: 5_000 } },
    ]);
    const errors = vi.spyOn(console, 'error');
    try {
      const started = startTurn({ conversationId: conversation.id, ownerId, prompt: 'roll back' });
      const livesOf = () =>
        [...liveMessages.values()].filter((live) => live.request?.model === model);
      await waitFor(() => livesOf().length === 2, 'both messages to be live');
      const lives = livesOf();
      await expect(started).rejects.toThrow('message.createMany()');
      await Promise.all(lives.map((live) => live.settled));
      expect(lives.map((live) => [live.controller.signal.aborted, live.status])).toEqual([
        [true, 'stopped'],
        [true, 'stopped'],
      ]);
      // A request the fake had already received saw its connection closed.
      await waitFor(
        () => fakes.runs().every((run) => run.model !== model || run.aborted),
        'every upstream request to be aborted',
      );
      expect(lives.some((live) => liveMessages.has(live.id))).toBe(false);
      // The turn's claim is released: the conversation takes the next prompt.
      expect(await db.turn.count({ where: { conversationId: conversation.id } })).toBe(0);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      await undo();
    }
  });

  it('a turn whose claim fails sends no upstream request at all', async () => {
    const undo = await failInserts('Turn', 'never sent');
    const model = uniqueModel('unclaimed');
    const conversation = await lineupOf(fakes, [
      { kind: 'openai', script: { id: model } },
      { kind: 'ollama', script: { id: model } },
    ]);
    try {
      await expect(
        startTurn({ conversationId: conversation.id, ownerId, prompt: 'never sent' }),
      ).rejects.toThrow('injected failure');
      expect([...liveMessages.values()].filter((live) => live.request?.model === model)).toEqual(
        [],
      );
      // Time for a request that had left to reach the fake.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fakes.runs().filter((run) => run.model === model)).toEqual([]);
    } finally {
      await undo();
    }
  });

  it('of two prompts sent at once, one starts a turn and the other gets a conflict', async () => {
    const model = uniqueModel('racing');
    const conversation = await lineupOf(fakes, [
      { kind: 'openai', script: { id: model, ttftMs: 10, tokensPerSecond: 200 } },
    ]);
    const results = await Promise.allSettled(
      ['first', 'second'].map((prompt) =>
        startTurn({ conversationId: conversation.id, ownerId, prompt }),
      ),
    );
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toMatchObject([{ code: 'conflict' }]);
    const rows = await settled(won.flatMap((turn) => turn.messages.map((message) => message.id)));
    expect(rows.map((row) => row.status)).toEqual(['done']);
    expect(await db.turn.count({ where: { conversationId: conversation.id } })).toBe(1);
    // The loser was refused before its request left: the backend saw one request, not two.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fakes.runs().filter((run) => run.model === model)).toHaveLength(1);
  });

  it('a message left streaming by a dead process becomes interrupted with its text', async () => {
    const conversation = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: uniqueModel('dead') } },
      { kind: 'ollama', script: { id: uniqueModel('dead') } },
    ]);
    const turn = await db.turn.create({
      data: { id: `t-${Date.now()}`, conversationId: conversation.id, index: 0, prompt: 'x' },
    });
    const orphan = await db.message.create({
      data: {
        id: `m-${Date.now()}`,
        turnId: turn.id,
        slotId: conversation.slots[0]?.id ?? '',
        status: 'streaming',
        content: 'partial answer',
        heartbeatAt: new Date(Date.now() - 60_000),
      },
    });
    expect(liveMessages.has(orphan.id)).toBe(false);
    const { interruptOrphans } = await import('@/lib/generation/message-state');
    expect(await interruptOrphans({ staleAfterMs: 20_000 })).toBeGreaterThanOrEqual(1);
    const row = await db.message.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(row.status).toBe('interrupted');
    expect(row.content).toBe('partial answer');
  });
});
