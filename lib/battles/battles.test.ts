import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelScript } from '@/fake-backends/script';
import type { FakeBackends } from '@/fake-backends/start';
import type { BackendKind } from '@/lib/backends/types';
import { listBackends } from '@/lib/catalog/list-backends';
import { getConversation, listConversations } from '@/lib/conversations/read';
import { db } from '@/lib/db/client';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { backendIdOf, lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';
import { castVote } from './cast-vote';
import { getLeaderboard } from './leaderboard';
import { setVerdict } from './set-verdict';
import { startBattle } from './start-battle';

let fakes: FakeBackends;
let ownerId: string;
const voterId = 'battle-voter';

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

type Side = { kind: BackendKind; script: ModelScript };

/** A battle between exactly these two models (a pool of two), with the fakes listing them. */
async function battleOf(sides: [Side, Side]) {
  for (const side of sides) fakes.scriptModel(side.kind, side.script);
  await listBackends({ fresh: true });
  const pool = sides.map((side) => ({ backendId: backendIdOf[side.kind], model: side.script.id }));
  const { id } = await startBattle({ ownerId, voterId, input: { pool } });
  return id;
}

async function ask(id: string, prompt = 'Who are you?') {
  const turn = await startTurn({ conversationId: id, ownerId, prompt });
  await settled(turn.messages.map((message) => message.id));
  return turn;
}

const quick = { tokensPerSecond: 2000, ttftMs: 5 };

describe('a battle', () => {
  it('pairs two different models of the pool, as A and B, one after the other on one backend', async () => {
    const apart = await battleOf([
      { kind: 'ollama', script: { id: uniqueModel('pair-a'), ...quick } },
      { kind: 'deepseek', script: { id: uniqueModel('pair-b'), ...quick } },
    ]);
    const together = await battleOf([
      { kind: 'ollama', script: { id: uniqueModel('same-a'), ...quick } },
      { kind: 'ollama', script: { id: uniqueModel('same-b'), ...quick } },
    ]);
    const rows = await db.conversation.findMany({
      where: { id: { in: [apart, together] } },
      include: { slots: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(apart)?.mode).toBe('battle');
    expect(byId.get(apart)?.runMode).toBe('parallel');
    expect(byId.get(together)?.runMode).toBe('sequential');
    for (const row of rows) {
      expect(row.slots.map((slot) => slot.position).sort()).toEqual([0, 1]);
      expect(new Set(row.slots.map((slot) => slot.model)).size).toBe(2);
    }
  });

  it("picks only within the admin's pool for everyone, and within the user's choice", async () => {
    const { setInstancePool } = await import('./instance-pool');
    const [a, b, c] = [uniqueModel('pool-a'), uniqueModel('pool-b'), uniqueModel('pool-c')];
    for (const id of [a, b, c]) fakes.scriptModel('ollama', { id, ...quick });
    await listBackends({ fresh: true });
    const entry = (model: string) => ({ backendId: 'test-ollama', model });
    try {
      await setInstancePool([entry(a), entry(b)]);
      for (let round = 0; round < 8; round += 1) {
        const { id } = await startBattle({ ownerId, voterId, input: {} });
        const slots = await db.slot.findMany({ where: { conversationId: id } });
        expect(slots.map((slot) => slot.model).sort()).toEqual([a, b].sort());
      }
      // The user's choice cannot reach outside it.
      await expect(
        startBattle({ ownerId, voterId, input: { pool: [entry(a), entry(c)] } }),
      ).rejects.toMatchObject({ code: 'bad_request' });
    } finally {
      await setInstancePool(null);
    }
  });

  it('refuses a pool with fewer than two available models', async () => {
    await expect(
      startBattle({
        ownerId,
        voterId,
        input: {
          pool: [
            { backendId: 'test-ollama', model: 'no-such-model-a' },
            { backendId: 'test-ollama', model: 'no-such-model-b' },
          ],
        },
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('names neither model nor backend anywhere the browser reads before the vote, errors included', async () => {
    const a = uniqueModel('secret-qwen');
    const b = uniqueModel('secret-llama');
    const id = await battleOf([
      {
        kind: 'ollama',
        script: {
          id: a,
          ...quick,
          answer: 'Hello from one side.',
          details: {
            family: 'qwen2',
            digest: 'd1gest0ne',
            parameterSize: '7.6B',
            quantization: 'Q4_K_M',
          },
        },
      },
      { kind: 'openai', script: { id: b, ...quick, fault: { kind: 'http-error', status: 429 } } },
    ]);
    await ask(id);
    const view = await getConversation({ id, ownerId, voterId });
    const list = await listConversations({ ownerId });
    const found = await listConversations({ ownerId, q: a.slice(0, 12) });
    const text = JSON.stringify([view, list.find((conversation) => conversation.id === id)]);
    for (const secret of [
      a,
      b,
      'test-ollama',
      'test-openai',
      'ollama',
      'openai',
      fakes.urls.ollama,
      fakes.urls.openai,
      'd1gest0ne',
      'Q4_K_M',
      '7.6B',
      'qwen2',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(found.map((conversation) => conversation.id)).not.toContain(id);
    expect(view?.title).toBe('Battle');
    expect(view?.slots.map((slot) => slot.model)).toEqual(['Model A', 'Model B']);
    const failed = view?.turns[0]?.messages.find((message) => message.status === 'error');
    expect(failed?.error).toEqual({
      code: 'rate_limited',
      message: 'Rate limited; retry in a moment.',
    });
  });
});

describe('a vote', () => {
  const pair = (): [Side, Side] => [
    { kind: 'ollama', script: { id: uniqueModel('vote-a'), ...quick, answer: 'Four.' } },
    { kind: 'deepseek', script: { id: uniqueModel('vote-b'), ...quick, answer: 'Five.' } },
  ];

  it('is refused before any answer, from another browser, twice, and on a comparison', async () => {
    const id = await battleOf(pair());
    await expect(castVote({ id, ownerId, voterId, outcome: 'a' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await ask(id);
    await expect(
      castVote({ id, ownerId, voterId: 'someone-else', outcome: 'a' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await castVote({ id, ownerId, voterId, outcome: 'a' });
    await expect(castVote({ id, ownerId, voterId, outcome: 'b' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const comparison = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: uniqueModel('cmp-a'), ...quick } },
      { kind: 'openai', script: { id: uniqueModel('cmp-b'), ...quick } },
    ]);
    await expect(
      castVote({ id: comparison.id, ownerId, voterId, outcome: 'a' }),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('is refused while an answer is being written', async () => {
    const sides = pair();
    sides[1].script.tokensPerSecond = 20;
    sides[1].script.answer = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const id = await battleOf(sides);
    await ask(id, 'first');
    const turn = await startTurn({ conversationId: id, ownerId, prompt: 'second' });
    await expect(castVote({ id, ownerId, voterId, outcome: 'tie' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await settled(turn.messages.map((message) => message.id));
    await castVote({ id, ownerId, voterId, outcome: 'tie' });
  });

  it('counts once among simultaneous votes, and is stored with both models and their style', async () => {
    const id = await battleOf(pair());
    await ask(id);
    const results = await Promise.allSettled(
      (['a', 'b', 'tie', 'bothbad', 'a'] as const).map((outcome) =>
        castVote({ id, ownerId, voterId, outcome }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'conflict' });
    }
    const votes = await db.vote.findMany({ where: { conversationId: id } });
    expect(votes).toHaveLength(1);
    const [vote] = votes;
    expect(vote?.blind).toBe(true);
    expect(vote?.turns).toBe(1);
    const models = JSON.parse(vote?.models ?? '[]') as { model: string; backendId: string }[];
    const slots = await db.slot.findMany({
      where: { conversationId: id },
      orderBy: { position: 'asc' },
    });
    expect(models.map((model) => model.model)).toEqual(slots.map((slot) => slot.model));
    const style = JSON.parse(vote?.style ?? '[]') as { answerTokens: number }[];
    expect(style.map((side) => side.answerTokens)).toEqual([1, 1]);
  });

  it('reveals both models and ends the battle', async () => {
    const sides = pair();
    const id = await battleOf(sides);
    await ask(id);
    await castVote({ id, ownerId, voterId, outcome: 'b' });
    const view = await getConversation({ id, ownerId, voterId });
    expect(view?.battle).toEqual({
      revealed: true,
      mine: true,
      vote: { outcome: 'b', leaked: false, leakReason: null },
    });
    expect(new Set(view?.slots.map((slot) => slot.model))).toEqual(
      new Set(sides.map((side) => side.script.id)),
    );
    expect(view?.title).toContain(' vs ');
    await expect(startTurn({ conversationId: id, ownerId, prompt: 'more?' })).rejects.toMatchObject(
      { code: 'conflict' },
    );
  });

  it('is flagged, kept and left off the leaderboard when an answer names its model', async () => {
    const id = await battleOf([
      {
        kind: 'ollama',
        script: {
          id: uniqueModel('deepseek-r1:7b-leak'),
          ...quick,
          answer: 'I am DeepSeek-R1, an AI assistant by DeepSeek.',
          details: { family: 'qwen2' },
        },
      },
      {
        kind: 'openai',
        script: { id: uniqueModel('llama3.2:3b-leak'), ...quick, answer: 'Hello there.' },
      },
    ]);
    await ask(id);
    const { leaked, leakReason } = await castVote({ id, ownerId, voterId, outcome: 'a' });
    expect(leaked).toBe(true);
    expect(leakReason).toMatch(/DeepSeek/);
    const board = await getLeaderboard({ named: false, style: false });
    const slots = await db.slot.findMany({ where: { conversationId: id } });
    for (const slot of slots) {
      expect(board.plain.ratings.map((rating) => rating.model)).not.toContain(slot.model);
    }
    expect(board.leakedVotes).toBeGreaterThanOrEqual(1);
  });
});

describe('verdicts in a comparison', () => {
  it('are kept per turn, can change and be taken back, and count on the board only when asked', async () => {
    const a = uniqueModel('verdict-a');
    const b = uniqueModel('verdict-b');
    const conversation = await lineupOf(fakes, [
      { kind: 'ollama', script: { id: a, ...quick } },
      { kind: 'deepseek', script: { id: b, ...quick } },
    ]);
    const turn = await ask(conversation.id);
    const where = { conversationId: conversation.id, scope: turn.id };
    await setVerdict({
      conversationId: conversation.id,
      ownerId,
      voterId,
      turnId: turn.id,
      best: 0,
    });
    await setVerdict({
      conversationId: conversation.id,
      ownerId,
      voterId,
      turnId: turn.id,
      best: 1,
    });
    expect(await db.vote.findMany({ where, select: { outcome: true, blind: true } })).toEqual([
      { outcome: '1', blind: false },
    ]);
    const view = await getConversation({ id: conversation.id, ownerId, voterId });
    expect(view?.turns[0]?.verdict).toBe(1);
    const blindOnly = await getLeaderboard({ named: false, style: false });
    expect(blindOnly.plain.ratings.map((rating) => rating.model)).not.toContain(b);
    const named = await getLeaderboard({ named: true, style: false });
    const winner = named.plain.ratings.find((rating) => rating.model === b);
    expect(winner?.wins).toBe(1);
    await expect(
      setVerdict({ conversationId: conversation.id, ownerId, voterId, turnId: turn.id, best: 2 }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await setVerdict({
      conversationId: conversation.id,
      ownerId,
      voterId,
      turnId: turn.id,
      best: null,
    });
    expect(await db.vote.count({ where })).toBe(0);
  });
});
