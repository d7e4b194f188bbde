import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getLeaderboard } from '@/lib/battles/leaderboard';
import { listBackends } from '@/lib/catalog/list-backends';
import { db } from '@/lib/db/client';
import { battle, exportBackends, freshUser, richComparison, run } from '@/test/export-fixtures';
import type { ConversationExport } from './conversation-json';
import { exportConversation } from './export-conversation';
import { exportPreferencePairs } from './export-votes';
import { importConversation } from './import-conversation';

let ownerId = '';
let importerId = '';
const voterId = `export-voter-${run}`;
const importerVoter = `import-voter-${run}`;
let backends: { id: string; kind: string; label: string }[] = [];
let comparisonId = '';

beforeAll(async () => {
  ownerId = await freshUser('owner');
  importerId = await freshUser('importer');
  backends = await exportBackends();
  ({ id: comparisonId } = await richComparison({
    ownerId,
    voterId,
    backendIds: backends.map((backend) => backend.id),
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const withoutExportTime = ({ exportedAt: _, ...doc }: ConversationExport) => doc;

/**
 * Every row an import as the importer writes, counted: its conversations and their rows, and
 * this run's backends (other test files write to the same database meanwhile).
 */
async function rowCounts() {
  const theirs = { conversation: { ownerId: importerId } };
  const [conversations, slots, turns, messages, votes, backendRows] = await Promise.all([
    db.conversation.count({ where: { ownerId: importerId } }),
    db.slot.count({ where: theirs }),
    db.turn.count({ where: theirs }),
    db.message.count({ where: { turn: theirs } }),
    db.vote.count({ where: theirs }),
    db.backend.count({ where: { label: { contains: run } } }),
  ]);
  return { conversations, slots, turns, messages, votes, backendRows };
}

describe('exporting a conversation as JSON', () => {
  it('carries every attempt, its reasoning, error, figures and model record, and the reader’s verdicts', async () => {
    const doc = await exportConversation({ id: comparisonId, ownerId, voterId });
    expect(doc).toMatchObject({ format: 'versus.conversation', version: 1, mode: 'compare' });
    expect(doc.lineup.map((slot) => [slot.position, slot.backend.kind, slot.model])).toEqual([
      [0, 'ollama', 'deepseek-r1:7b'],
      [1, 'openai', 'DeepSeek-R1-Distill-Qwen-32B'],
      [2, 'deepseek', 'deepseek-reasoner'],
    ]);
    expect(doc.lineup[0]?.params).toEqual({ temperature: 0.6, systemPrompt: 'Answer in Chinese.' });
    const [poem, rabbits, snake] = doc.turns;
    expect(doc.turns.map((turn) => turn.index)).toEqual([0, 1, 2]);
    const retried = poem?.messages.filter((message) => message.slot === 1);
    expect(retried?.map((m) => [m.attempt, m.shown, m.status])).toEqual([
      [1, false, 'error'],
      [2, true, 'done'],
    ]);
    expect(retried?.[0]?.error).toEqual({
      code: 'context_too_long',
      message: 'vLLM: the prompt is longer than max_model_len (4096).',
    });
    expect(poem?.messages[0]).toMatchObject({
      reasoning: '先想每句的第一个字：春、眠、不、觉。',
      reasoningFormat: 'field',
      params: { temperature: 0.6, maxTokens: 4096 },
      modelInfo: { digest: 'digest0', quantization: 'Q4_K_M' },
      metrics: { ttftMs: 120.5, tokensPerSecond: 48.3, completionTokens: 300 },
      startedAt: '2026-11-20T12:00:00.000Z',
    });
    expect(rabbits?.messages.map((m) => m.status)).toEqual(['stopped', 'done', 'interrupted']);
    expect(snake?.messages[1]?.reasoningFormat).toBe('closing-tag');
    // The reader's verdicts only: another browser's verdict on the second turn is not theirs.
    expect(doc.verdicts.map((verdict) => [verdict.turn, verdict.best])).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 'tie'],
      ]),
    );
    expect(doc.verdicts).toHaveLength(2);
    expect(doc.verdicts[0]?.models[1]).toMatchObject({ model: 'DeepSeek-R1-Distill-Qwen-32B' });
    // Nothing of the instance: no backend address, key or id, no account or browser id.
    const text = JSON.stringify(doc);
    for (const secret of ['127.0.0.1', 'sk-secret-key', backends[0]?.id, ownerId, voterId]) {
      expect(text).not.toContain(secret);
    }
  });

  it("answers another user's conversation as not found", async () => {
    await expect(
      exportConversation({ id: comparisonId, ownerId: importerId, voterId }),
    ).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('refuses a battle before its vote: the file would name the models', async () => {
    const blind = await battle({
      ownerId,
      voterId,
      backendIds: [backends[0]?.id ?? '', backends[1]?.id ?? ''],
      models: ['blind-a', 'blind-b'],
      outcome: null,
    });
    await expect(exportConversation({ id: blind.id, ownerId, voterId })).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      message: expect.stringContaining('vote first'),
    });
  });
});

describe('importing a conversation file', () => {
  it('round-trips: export → import → export gives the same file, with new ids and the importer as owner', async () => {
    const first = await exportConversation({ id: comparisonId, ownerId, voterId });
    // A backend this instance does not have: the import records it, with no address.
    const elsewhere = `Elsewhere ${run}`;
    const file = structuredClone(first);
    if (file.lineup[2]) file.lineup[2].backend.label = elsewhere;
    for (const verdict of file.verdicts) {
      if (verdict.models[2]) verdict.models[2].backendLabel = elsewhere;
    }

    const { id } = await importConversation({
      ownerId: importerId,
      voterId: importerVoter,
      input: JSON.parse(JSON.stringify(file)),
    });
    expect(id).not.toBe(comparisonId);
    const again = await exportConversation({ id, ownerId: importerId, voterId: importerVoter });
    expect(withoutExportTime(again)).toEqual(withoutExportTime(file));

    const row = await db.conversation.findUniqueOrThrow({
      where: { id },
      include: { slots: { orderBy: { position: 'asc' }, include: { backend: true } } },
    });
    expect(row.ownerId).toBe(importerId);
    expect(row.importedAt).not.toBeNull();
    // Slots of known backends point at them; the unknown one at a recorded placeholder.
    expect(row.slots.slice(0, 2).map((slot) => slot.backendId)).toEqual([
      backends[0]?.id,
      backends[1]?.id,
    ]);
    const placeholder = row.slots[2]?.backend;
    expect(placeholder).toMatchObject({
      kind: 'deepseek',
      label: elsewhere,
      baseUrl: '',
      apiKey: null,
      source: 'import',
    });
    const listed = await listBackends();
    expect(listed.map((backend) => backend.id)).not.toContain(placeholder?.id);

    // Importing the same file again reuses that placeholder rather than adding another.
    const before = await db.backend.count({ where: { label: elsewhere } });
    await importConversation({ ownerId: importerId, voterId: importerVoter, input: file });
    expect(await db.backend.count({ where: { label: elsewhere } })).toBe(before);

    const oldIds = await db.message.findMany({
      where: { turn: { conversationId: comparisonId } },
      select: { id: true },
    });
    const newIds = await db.message.findMany({
      where: { turn: { conversationId: id } },
      select: { id: true },
    });
    expect(newIds).toHaveLength(oldIds.length);
    expect(newIds.filter((row) => oldIds.some((old) => old.id === row.id))).toEqual([]);
  });

  it('ends answers still running in the file as interrupted', async () => {
    const file = await exportConversation({ id: comparisonId, ownerId, voterId });
    const turn = file.turns[2];
    if (!turn?.messages[0] || !turn.messages[1]) throw new Error('fixture changed');
    turn.messages[0] = { ...turn.messages[0], status: 'streaming', error: null };
    turn.messages[1] = { ...turn.messages[1], status: 'pending', error: null };
    const { id } = await importConversation({ ownerId: importerId, voterId, input: file });
    const again = await exportConversation({ id, ownerId: importerId, voterId });
    const [streaming, pending] = again.turns[2]?.messages ?? [];
    expect([streaming?.status, streaming?.error?.code]).toEqual(['interrupted', 'interrupted']);
    expect([pending?.status, pending?.error?.code]).toEqual(['interrupted', 'interrupted']);
    expect(streaming?.content).toBe('<canvas></canvas>');
  });

  it('refuses a bad file with a clear error and writes nothing', async () => {
    const good = await exportConversation({ id: comparisonId, ownerId, voterId });
    const before = await rowCounts();
    const attempts: [unknown, RegExp][] = [
      [{ hello: 'world' }, /not a Versus conversation file/],
      [{ ...good, version: 2 }, /format version 2, from a newer Versus/],
      [{ ...good, lineup: [] }, /lineup/],
      [
        { ...good, verdicts: [{ ...good.verdicts[0], turn: 99 }] },
        /verdicts\.0: a verdict on a missing turn/,
      ],
      [
        {
          ...good,
          turns: good.turns.map((turn) => ({
            ...turn,
            messages: turn.messages.map((m) => ({ ...m, shown: true })),
          })),
        },
        /slot 1 must have exactly one attempt shown/,
      ],
      [{ ...good, mode: 'battle' }, /a battle has two slots/],
    ];
    for (const [input, message] of attempts) {
      await expect(
        importConversation({ ownerId: importerId, voterId, input }),
      ).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(message) });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('writes nothing when a write fails half-way: one transaction', async () => {
    const file = await exportConversation({ id: comparisonId, ownerId, voterId });
    if (file.lineup[0]) file.lineup[0].backend.label = `Half-way ${run}`;
    const before = await rowCounts();
    const transaction = db.$transaction.bind(db);
    // The votes are written last: by then the backend, conversation, slots, turns and messages are.
    vi.spyOn(db, '$transaction').mockImplementation(((
      write: (tx: unknown) => Promise<unknown>,
      options: unknown,
    ) =>
      transaction(
        (tx) =>
          write(
            new Proxy(tx, {
              get: (target, key) =>
                key === 'vote'
                  ? {
                      createMany: () => Promise.reject(new Error('disk full')),
                    }
                  : Reflect.get(target, key),
            }),
          ),
        options as never,
      )) as never);
    await expect(importConversation({ ownerId: importerId, voterId, input: file })).rejects.toThrow(
      'disk full',
    );
    expect(await rowCounts()).toEqual(before);
  });
});

describe('battles in and out', () => {
  it('round-trips a voted battle, whose imported vote stays off the leaderboard', async () => {
    const models: [string, string] = [`lb-a-${run}`, `lb-b-${run}`];
    const voted = await battle({
      ownerId,
      voterId,
      backendIds: [backends[0]?.id ?? '', backends[2]?.id ?? ''],
      models,
      outcome: 'b',
    });
    const file = await exportConversation({ id: voted.id, ownerId, voterId });
    expect(file.vote).toMatchObject({ outcome: 'b', turns: 2, leaked: false });
    expect(file.vote?.models.map((model) => model.model)).toEqual(models);
    const leaderboard = await getLeaderboard({ named: false, style: false });
    expect(Object.keys(leaderboard.models)).toContain(models[0]);

    // Move the original away, so that only the imported copy could put the models on the board.
    await db.conversation.delete({ where: { id: voted.id } });
    const { id } = await importConversation({ ownerId: importerId, voterId, input: file });
    const again = await exportConversation({ id, ownerId: importerId, voterId });
    expect(withoutExportTime(again)).toEqual(withoutExportTime(file));
    const after = await getLeaderboard({ named: false, style: false });
    expect(Object.keys(after.models)).not.toContain(models[0]);
  });
});

describe('votes as preference pairs', () => {
  it('gives a battle vote, a verdict, a tie and a both-bad as pairs, from the reader’s votes only', async () => {
    const sides: [string, string] = [backends[0]?.id ?? '', backends[1]?.id ?? ''];
    const owner = await freshUser('pairs');
    const voter = `pairs-voter-${run}`;
    const voted = [
      { models: ['model-a', 'model-b'], outcome: 'b' },
      { models: ['model-c', 'model-d'], outcome: 'tie' },
      { models: ['model-e', 'model-f'], outcome: 'bothbad' },
    ] as const;
    for (const { models, outcome } of voted) {
      await battle({
        ownerId: owner,
        voterId: voter,
        backendIds: sides,
        models: [...models],
        outcome,
      });
    }
    await richComparison({ ownerId: owner, voterId: voter, backendIds: backends.map((b) => b.id) });

    const pairs = await exportPreferencePairs({ ownerId: owner, voterId: voter });
    const votes = pairs.filter((pair) => pair.source === 'battle');
    expect(
      votes.map((p) => [p.chosenModel.model, p.rejectedModel.model, p.tie, p.bothBad]),
    ).toEqual([
      ['model-b', 'model-a', undefined, undefined],
      ['model-c', 'model-d', true, undefined],
      ['model-e', 'model-f', undefined, true],
    ]);
    // Two turns: the first prompt is shared, then each side's own continuation.
    expect(votes[0]).toMatchObject({
      prompt: [{ role: 'user', content: 'Tell me a joke.' }],
      chosen: [
        { role: 'assistant', content: 'A joke from B.' },
        { role: 'user', content: 'Another one.' },
        { role: 'assistant', content: 'Second joke from B.' },
      ],
      rejected: [
        { role: 'assistant', content: 'A joke from A.' },
        { role: 'user', content: 'Another one.' },
        { role: 'assistant', content: 'Second joke from A.' },
      ],
    });

    const verdicts = pairs.filter((pair) => pair.source === 'verdict');
    // Column 1 best on turn 0: it beat columns 0 and 2; a tie on turn 1: every pair of three.
    expect(
      verdicts.map((p) => [p.turn, p.chosenModel.model, p.rejectedModel.model, !!p.tie]),
    ).toEqual([
      [0, 'DeepSeek-R1-Distill-Qwen-32B', 'deepseek-r1:7b', false],
      [0, 'DeepSeek-R1-Distill-Qwen-32B', 'deepseek-reasoner', false],
      [1, 'deepseek-r1:7b', 'DeepSeek-R1-Distill-Qwen-32B', true],
      [1, 'deepseek-r1:7b', 'deepseek-reasoner', true],
      [1, 'DeepSeek-R1-Distill-Qwen-32B', 'deepseek-reasoner', true],
    ]);
    // The shown attempt (2) is the chosen answer, not the failed first one.
    expect(verdicts[0]).toMatchObject({
      prompt: [{ role: 'user', content: '写一首藏头诗，藏“春眠不觉”' }],
      chosen: [{ role: 'assistant', content: '春日\n眠时\n不语\n觉醒' }],
    });
    // Another browser's verdict (column 0 best on turn 1) is not this reader's.
    expect(verdicts.filter((p) => p.turn === 1 && !p.tie)).toEqual([]);
  });
});
