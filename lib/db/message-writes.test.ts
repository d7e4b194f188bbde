import { beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '@/lib/conversations/write';
import { interruptOrphans } from '@/lib/generation/message-state';
import { getLocalUser } from '@/lib/users';
import { db } from './client';
import { writeCheckpoints, writeFinals } from './message-writes';

let conversationId = '';
let slotId = '';
let turnIndex = 0;

beforeAll(async () => {
  const user = await getLocalUser();
  await db.backend.upsert({
    where: { id: 'checkpoint-test' },
    create: { id: 'checkpoint-test', kind: 'ollama', label: 'x', baseUrl: 'http://127.0.0.1:9' },
    update: {},
  });
  const conversation = await createConversation({
    ownerId: user.id,
    voterId: 'test-voter',
    input: {
      runMode: 'parallel',
      lineup: [
        { backendId: 'checkpoint-test', model: 'a', params: {} },
        { backendId: 'checkpoint-test', model: 'b', params: {} },
      ],
    },
  });
  conversationId = conversation.id;
  slotId = conversation.slots[0]?.id ?? '';
});

/** A message in a turn of its own (one message per slot and turn). */
async function message(status: string, attempt = 1) {
  turnIndex += 1;
  const id = `m-${turnIndex}-${Date.now()}`;
  await db.turn.create({
    data: {
      id: `t-${id}`,
      conversationId,
      index: turnIndex,
      prompt: 'p',
      messages: { create: { id, slotId, status, attempt } },
    },
  });
  return id;
}

const row = (id: string, attempt = 1, status = 'streaming') => ({
  id,
  attempt,
  status,
  content: `content of ${id} — é ✅ "quoted" \\ \n`,
  reasoning: 'thinking',
  ttftMs: 12.5,
  answerTtftMs: null,
  loadMs: null,
  reasoningMs: null,
  totalMs: 99.9,
  promptTokens: null,
  completionTokens: 7,
  tokensPerSecond: 31.25,
  countsReported: true,
});

describe('writeCheckpoints', () => {
  it('saves many messages in one statement, only where attempt and status still match', async () => {
    const live = await message('streaming');
    const finished = await message('done');
    const retried = await message('streaming', 2);
    const at = new Date(Date.now() - 60_000);

    const updated = await writeCheckpoints([row(live), row(finished), row(retried, 1)], at);
    expect(updated).toBe(1);

    const saved = await db.message.findUniqueOrThrow({ where: { id: live } });
    expect(saved).toMatchObject({
      content: row(live).content,
      reasoning: 'thinking',
      ttftMs: 12.5,
      reasoningMs: null,
      completionTokens: 7,
      tokensPerSecond: 31.25,
      countsReported: true,
    });
    // Written in the format Prisma reads back as the same instant.
    expect(saved.heartbeatAt?.toISOString()).toBe(at.toISOString());
    expect((await db.message.findUniqueOrThrow({ where: { id: finished } })).content).toBe('');
    expect((await db.message.findUniqueOrThrow({ where: { id: retried } })).content).toBe('');

    // And the orphan sweep compares such heartbeats correctly.
    const fresh = await message('streaming');
    await writeCheckpoints([row(fresh)], new Date());
    await interruptOrphans({ staleAfterMs: 30_000 });
    expect((await db.message.findUniqueOrThrow({ where: { id: live } })).status).toBe(
      'interrupted',
    );
    expect((await db.message.findUniqueOrThrow({ where: { id: fresh } })).status).toBe('streaming');
  });
});

describe('writeFinals', () => {
  it('saves many final states in one statement, only where the attempt still matches', async () => {
    const streaming = await message('streaming');
    const stopped = await message('streaming');
    const retried = await message('streaming', 2);
    await db.message.update({ where: { id: stopped }, data: { modelInfo: '{"id":"kept"}' } });
    const at = new Date(Date.now() - 1_000);
    const final = (id: string, attempt = 1) => ({
      ...row(id, attempt, 'done'),
      errorCode: null,
      errorMessage: null,
      finishReason: 'stop',
      modelInfo: '{"id":"m","parameterSize":"7.6B"}',
    });

    const updated = await writeFinals(
      [
        final(streaming),
        {
          ...final(stopped),
          status: 'error',
          errorCode: 'rate_limited',
          errorMessage: 'Slow down.',
          finishReason: null,
          modelInfo: null,
        },
        final(retried, 1),
      ],
      at,
    );
    expect(updated).toBe(2);

    expect(await db.message.findUniqueOrThrow({ where: { id: streaming } })).toMatchObject({
      status: 'done',
      content: row(streaming).content,
      finishReason: 'stop',
      errorCode: null,
      modelInfo: '{"id":"m","parameterSize":"7.6B"}',
      ttftMs: 12.5,
      completionTokens: 7,
      countsReported: true,
    });
    const failed = await db.message.findUniqueOrThrow({ where: { id: stopped } });
    expect(failed).toMatchObject({
      status: 'error',
      errorCode: 'rate_limited',
      errorMessage: 'Slow down.',
      finishReason: null,
      modelInfo: '{"id":"kept"}',
    });
    expect(failed.finishedAt?.toISOString()).toBe(at.toISOString());
    // The retry's row belongs to attempt 2: attempt 1's late final write leaves it alone.
    expect(await db.message.findUniqueOrThrow({ where: { id: retried } })).toMatchObject({
      status: 'streaming',
      content: '',
      finishedAt: null,
    });
  });
});
