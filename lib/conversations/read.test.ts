import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { newId } from '@/lib/ids';
import { getLocalUser } from '@/lib/users';
import { getConversation, getEarlierTurns } from './read';
import { createConversation } from './write';

const TURNS = 25;
let conversationId = '';
let ownerId = '';
let slotIds: string[] = [];

beforeAll(async () => {
  ownerId = (await getLocalUser()).id;
  await db.backend.upsert({
    where: { id: 'read-test' },
    create: { id: 'read-test', kind: 'ollama', label: 'x', baseUrl: 'http://127.0.0.1:9' },
    update: {},
  });
  const conversation = await createConversation({
    ownerId,
    voterId: 'test-voter',
    input: {
      runMode: 'parallel',
      lineup: ['a', 'b', 'c'].map((model) => ({ backendId: 'read-test', model, params: {} })),
    },
  });
  conversationId = conversation.id;
  slotIds = conversation.slots.map((slot) => slot.id);
  for (let index = 0; index < TURNS; index++) {
    await db.turn.create({
      data: {
        id: newId(),
        conversationId,
        index,
        prompt: `prompt ${index}`,
        // Created last slot first: the view orders messages by slot, not by row.
        messages: {
          create: slotIds.toReversed().map((slotId) => ({
            id: newId(),
            slotId,
            status: 'done',
            content: `answer ${index}`,
          })),
        },
      },
    });
  }
});

const indexes = (turns: { index: number }[]) => turns.map((turn) => turn.index);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('reading a long conversation by pages', () => {
  it('reads the latest turns in order, and counts the earlier ones', async () => {
    const view = await getConversation({
      id: conversationId,
      ownerId,
      voterId: 'test-voter',
      latestTurns: 10,
    });
    expect(indexes(view?.turns ?? [])).toEqual(range(15, 25));
    expect(view?.earlierTurns).toBe(15);
    expect(view?.turns[0]?.messages.map((message) => message.slotId)).toEqual(slotIds);
  });

  it('reads every turn when no page is asked for', async () => {
    const view = await getConversation({ id: conversationId, ownerId, voterId: 'test-voter' });
    expect(indexes(view?.turns ?? [])).toEqual(range(0, 25));
    expect(view?.earlierTurns).toBe(0);
  });

  it('pages back to the first turn', async () => {
    const page = await getEarlierTurns({
      id: conversationId,
      ownerId,
      voterId: 'test-voter',
      before: 15,
      limit: 10,
    });
    expect(indexes(page.turns)).toEqual(range(5, 15));
    expect(page.earlierTurns).toBe(5);
    expect(page.turns[9]?.messages.map((message) => message.content)).toEqual(
      Array(3).fill('answer 14'),
    );
    const last = await getEarlierTurns({
      id: conversationId,
      ownerId,
      voterId: 'test-voter',
      before: 5,
      limit: 10,
    });
    expect(indexes(last.turns)).toEqual(range(0, 5));
    expect(last.earlierTurns).toBe(0);
  });

  it("does not page another owner's conversation", async () => {
    await expect(
      getEarlierTurns({
        id: conversationId,
        ownerId: 'someone-else',
        voterId: 'test-voter',
        before: 15,
        limit: 10,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
