/**
 * The database layer end to end: scripts/db-migrate.mjs builds the schema from the committed
 * migrations, then the client writes and reads back a whole conversation. SQLite in a fresh
 * temp file by default; set TEST_DATABASE_URL to a PostgreSQL database to check that instead
 * (e.g. `TEST_DATABASE_URL=$(scripts/pg-test-server.sh start) npx vitest run lib/db`).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from './client';

const tempDir = mkdtempSync(path.join(tmpdir(), 'versus-db-test-'));
const url = process.env.TEST_DATABASE_URL ?? `file:${path.join(tempDir, 'versus.db')}`;
const isSqlite = url.startsWith('file:');
let db: Db;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'pipe',
  });
  vi.stubEnv('DATABASE_URL', url);
  ({ db } = await import('./client'));
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  vi.unstubAllEnvs();
  rmSync(tempDir, { recursive: true, force: true });
});

describe('db', () => {
  it('talks to the database DATABASE_URL names', async () => {
    if (isSqlite) {
      const files = await db.$queryRawUnsafe<{ file: string }[]>('PRAGMA database_list');
      expect(files[0]?.file).toBe(url.slice('file:'.length));
    } else {
      const [row] = await db.$queryRawUnsafe<{ name: string }[]>(
        'SELECT current_database() AS name',
      );
      expect(row?.name).toBe(new URL(url).pathname.slice(1));
    }
  });

  it.runIf(isSqlite)('opens SQLite in WAL mode with a busy timeout', async () => {
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [busy] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>('PRAGMA busy_timeout');
    expect(journal?.journal_mode).toBe('wal');
    expect(Number(busy?.timeout)).toBe(5_000);
  });

  it('round-trips a user, conversation, slot, turn and message', async () => {
    const id = (prefix: string) => `${prefix}-${randomUUID()}`;
    const user = await db.user.create({ data: { id: id('user'), name: 'Local user' } });
    const backend = await db.backend.create({
      data: {
        id: id('backend'),
        kind: 'ollama',
        label: 'Ollama',
        baseUrl: 'http://127.0.0.1:11434',
      },
    });
    const conversation = await db.conversation.create({
      data: {
        id: id('conversation'),
        ownerId: user.id,
        title: 'Chickens and rabbits',
        slots: {
          create: [{ id: id('slot'), position: 0, backendId: backend.id, model: 'deepseek-r1:7b' }],
        },
      },
      include: { slots: true },
    });
    const [slot] = conversation.slots;
    if (!slot) throw new Error('the slot was not created');
    const startedAt = new Date('2025-01-01T00:00:00.000Z');
    await db.turn.create({
      data: {
        id: id('turn'),
        conversationId: conversation.id,
        index: 0,
        prompt: '35 heads, 94 legs: how many chickens?',
        messages: {
          create: [
            {
              id: id('message'),
              slotId: slot.id,
              status: 'done',
              reasoning: 'Let c + r = 35 and 2c + 4r = 94…',
              content: '23 chickens and 12 rabbits. 🐔',
              ttftMs: 812.5,
              completionTokens: 431,
              countsReported: true,
              startedAt,
            },
          ],
        },
      },
    });

    const stored = await db.conversation.findUniqueOrThrow({
      where: { id: conversation.id },
      include: { owner: true, slots: true, turns: { include: { messages: true } } },
    });

    expect(stored.owner.name).toBe('Local user');
    expect(stored.mode).toBe('compare');
    expect(stored.slots.map((s) => s.model)).toEqual(['deepseek-r1:7b']);
    expect(stored.turns).toHaveLength(1);
    const message = stored.turns[0]?.messages[0];
    expect(message).toMatchObject({
      slotId: slot.id,
      status: 'done',
      content: '23 chickens and 12 rabbits. 🐔',
      reasoning: 'Let c + r = 35 and 2c + 4r = 94…',
      ttftMs: 812.5,
      completionTokens: 431,
      countsReported: true,
      attempt: 1,
      errorCode: null,
      params: '{}',
    });
    expect(message?.startedAt?.toISOString()).toBe(startedAt.toISOString());
  });

  it('cascades a conversation delete to its slots, turns and messages', async () => {
    const user = await db.user.create({ data: { id: `user-${randomUUID()}`, name: 'u' } });
    const backend = await db.backend.create({
      data: {
        id: `backend-${randomUUID()}`,
        kind: 'openai',
        label: 'vLLM',
        baseUrl: 'http://x/v1',
      },
    });
    const conversationId = `conversation-${randomUUID()}`;
    const slotId = `slot-${randomUUID()}`;
    await db.conversation.create({
      data: {
        id: conversationId,
        ownerId: user.id,
        title: 't',
        slots: { create: [{ id: slotId, position: 0, backendId: backend.id, model: 'm' }] },
        turns: { create: [{ id: `turn-${randomUUID()}`, index: 0, prompt: 'p' }] },
      },
    });
    const turn = await db.turn.findFirstOrThrow({ where: { conversationId } });
    await db.message.create({ data: { id: `message-${randomUUID()}`, turnId: turn.id, slotId } });

    await db.conversation.delete({ where: { id: conversationId } });

    expect(await db.slot.count({ where: { conversationId } })).toBe(0);
    expect(await db.turn.count({ where: { conversationId } })).toBe(0);
    expect(await db.message.count({ where: { slotId } })).toBe(0);
  });
});
