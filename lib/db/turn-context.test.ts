import { beforeAll, describe, expect, it } from 'vitest';
import { getLocalUser } from '@/lib/users';
import { db } from './client';
import { readTurnContext } from './turn-context';

const conversationId = `turn-context-${Date.now()}`;
let ownerId = '';

// Rows are inserted out of order; they must come back in position and turn order.
beforeAll(async () => {
  ownerId = (await getLocalUser()).id;
  await db.backend.upsert({
    where: { id: 'turn-context-keyed' },
    create: {
      id: 'turn-context-keyed',
      kind: 'deepseek',
      label: 'keyed',
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: 'sk-test',
    },
    update: {},
  });
  await db.backend.upsert({
    where: { id: 'turn-context-local' },
    create: {
      id: 'turn-context-local',
      kind: 'ollama',
      label: 'local',
      baseUrl: 'http://127.0.0.1:8',
    },
    update: {},
  });
  await db.conversation.create({
    data: {
      id: conversationId,
      ownerId,
      mode: 'compare',
      runMode: 'sequential',
      title: 'order',
      slots: {
        create: [
          { id: `${conversationId}-s2`, position: 2, backendId: 'turn-context-local', model: 'c' },
          { id: `${conversationId}-s0`, position: 0, backendId: 'turn-context-keyed', model: 'a' },
          {
            id: `${conversationId}-s1`,
            position: 1,
            backendId: 'turn-context-local',
            model: 'b',
            params: '{"temperature":0.2}',
          },
        ],
      },
    },
  });
  for (const index of [1, 0]) {
    await db.turn.create({
      data: {
        id: `${conversationId}-t${index}`,
        conversationId,
        index,
        prompt: `prompt ${index}`,
        messages: {
          create: [
            {
              id: `${conversationId}-t${index}-m0`,
              slotId: `${conversationId}-s0`,
              content: `answer ${index} "quoted" ✓`,
              status: 'done',
            },
          ],
        },
      },
    });
  }
});

// What a request needs of its backend: how to reach it, its name, and whether it may be used.
const backendColumns = { headers: null, source: 'env', enabled: true, removedAt: null };
const keyedBackend = {
  id: 'turn-context-keyed',
  kind: 'deepseek',
  label: 'keyed',
  baseUrl: 'http://127.0.0.1:9/v1',
  apiKey: 'sk-test',
  ...backendColumns,
};
const localBackend = {
  id: 'turn-context-local',
  kind: 'ollama',
  label: 'local',
  baseUrl: 'http://127.0.0.1:8',
  apiKey: null,
  ...backendColumns,
};

describe('readTurnContext', () => {
  it('reads the lineup and the history in order, in one statement', async () => {
    const context = await readTurnContext(conversationId, ownerId);
    expect(context?.runMode).toBe('sequential');
    expect(context?.slots).toEqual([
      {
        id: `${conversationId}-s0`,
        model: 'a',
        params: '{}',
        backend: keyedBackend,
      },
      {
        id: `${conversationId}-s1`,
        model: 'b',
        params: '{"temperature":0.2}',
        backend: localBackend,
      },
      {
        id: `${conversationId}-s2`,
        model: 'c',
        params: '{}',
        backend: localBackend,
      },
    ]);
    expect(context?.turns).toEqual(
      [0, 1].map((index) => ({
        index,
        prompt: `prompt ${index}`,
        messages: [
          {
            slotId: `${conversationId}-s0`,
            content: `answer ${index} "quoted" ✓`,
            status: 'done',
            shown: true,
          },
        ],
      })),
    );
  });

  it('finds nothing for another owner or an unknown id', async () => {
    expect(await readTurnContext(conversationId, 'someone-else')).toBeNull();
    expect(await readTurnContext('no-such-conversation', ownerId)).toBeNull();
  });
});
