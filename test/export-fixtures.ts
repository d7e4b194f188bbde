/** Conversations with everything an export must carry, written straight to the test database. */

import { castVote } from '@/lib/battles/cast-vote';
import { setVerdict } from '@/lib/battles/set-verdict';
import { db } from '@/lib/db/client';
import { newId } from '@/lib/ids';

/** Unique per run: a PostgreSQL test database keeps earlier runs' rows. */
export const run = `${Date.now().toString(36)}-${newId().slice(0, 6)}`;

export const ACROSTIC = '春风拂面柳丝长\n眠去梦回花满堂\n不问东君归何处\n觉来一院海棠香';

/** A user of its own, so that "every vote I may see" holds only this file's votes. */
export async function freshUser(name: string): Promise<string> {
  const id = `export-${name}-${run}`;
  await db.user.create({ data: { id, name, approved: true } });
  return id;
}

/** Configured-looking backends (source ui); their address is never called by these tests. */
export async function exportBackends() {
  const rows = [
    { id: `exp-ollama-${run}`, kind: 'ollama', label: `Lab Ollama ${run}` },
    { id: `exp-vllm-${run}`, kind: 'openai', label: `Lab vLLM ${run}` },
    { id: `exp-deepseek-${run}`, kind: 'deepseek', label: `DeepSeek ${run}` },
  ];
  for (const row of rows) {
    await db.backend.create({
      data: { ...row, baseUrl: 'http://127.0.0.1:9', apiKey: 'sk-secret-key', source: 'ui' },
    });
  }
  return rows;
}

const metrics = (seed: number) => ({
  ttftMs: 120.5 + seed,
  answerTtftMs: seed % 2 ? 900.25 + seed : null,
  reasoningMs: seed % 2 ? 780 : null,
  totalMs: 4200 + seed,
  loadMs: seed === 1 ? 1500 : null,
  promptTokens: 40 + seed,
  completionTokens: 300 + seed,
  tokensPerSecond: 48.3 + seed,
  countsReported: seed % 3 !== 0,
});

type MessageSeed = {
  slot: number;
  attempt?: number;
  shown?: boolean;
  status?: string;
  content: string;
  reasoning?: string;
  error?: [string, string];
  finishReason?: string;
  reasoningFormat?: string;
};

async function addTurn(
  conversationId: string,
  slotIds: string[],
  index: number,
  prompt: string,
  messages: MessageSeed[],
) {
  const turnId = newId();
  const at = new Date(Date.UTC(2026, 10, 20, 12, index, 0));
  await db.turn.create({
    data: {
      id: turnId,
      conversationId,
      index,
      prompt,
      createdAt: at,
      messages: {
        create: messages.map((message, n) => ({
          id: newId(),
          slotId: slotIds[message.slot] ?? '',
          attempt: message.attempt ?? 1,
          shown: message.shown ?? true,
          status: message.status ?? 'done',
          content: message.content,
          reasoning: message.reasoning ?? '',
          errorCode: message.error?.[0] ?? null,
          errorMessage: message.error?.[1] ?? null,
          finishReason: message.finishReason ?? (message.status ? null : 'stop'),
          reasoningFormat: message.reasoningFormat ?? (message.reasoning ? 'field' : null),
          params: JSON.stringify({ temperature: 0.6, maxTokens: 4096 }),
          modelInfo: JSON.stringify({
            id: `model-${message.slot}`,
            parameterSize: '7.6B',
            quantization: 'Q4_K_M',
            family: 'qwen2',
            digest: `digest${message.slot}`,
          }),
          ...metrics(n + message.slot),
          startedAt: at,
          finishedAt: new Date(at.getTime() + 4200),
          createdAt: new Date(at.getTime() + (message.attempt ?? 1) * 1000),
        })),
      },
    },
  });
  return turnId;
}

/**
 * A comparison of three columns over three turns: an acrostic poem with reasoning, a retried
 * answer (attempt 2 on show, attempt 1 failed), a stopped and an interrupted one, a verdict on
 * one turn and a tie on another (and another browser's verdict, not the reader's to export).
 */
export async function richComparison({
  ownerId,
  voterId,
  backendIds,
}: {
  ownerId: string;
  voterId: string;
  backendIds: string[];
}) {
  const id = newId();
  const slotIds = backendIds.map(() => newId());
  await db.conversation.create({
    data: {
      id,
      ownerId,
      mode: 'compare',
      runMode: 'sequential',
      title: '藏头诗 and other tests',
      createdAt: new Date(Date.UTC(2026, 10, 20, 12, 0, 0)),
      slots: {
        create: backendIds.map((backendId, position) => ({
          id: slotIds[position] ?? '',
          position,
          backendId,
          model:
            [`deepseek-r1:7b`, `DeepSeek-R1-Distill-Qwen-32B`, `deepseek-reasoner`][position] ?? '',
          params: JSON.stringify(
            position === 0 ? { temperature: 0.6, systemPrompt: 'Answer in Chinese.' } : {},
          ),
        })),
      },
    },
  });
  const poem = await addTurn(id, slotIds, 0, '写一首藏头诗，藏“春眠不觉”', [
    { slot: 0, content: ACROSTIC, reasoning: '先想每句的第一个字：春、眠、不、觉。' },
    {
      slot: 1,
      attempt: 1,
      shown: false,
      status: 'error',
      content: '',
      error: ['context_too_long', 'vLLM: the prompt is longer than max_model_len (4096).'],
    },
    { slot: 1, attempt: 2, content: '春日\n眠时\n不语\n觉醒', reasoning: 'Attempt two.' },
    { slot: 2, content: '```\n春\n眠\n```\n\nDone.', reasoning: 'r</details>x' },
  ]);
  const rabbits = await addTurn(id, slotIds, 1, 'Chickens and rabbits: 35 heads, 94 legs.', [
    { slot: 0, status: 'stopped', content: '23 chickens and', finishReason: undefined },
    { slot: 1, content: '23 chickens, 12 rabbits.', reasoning: '2x + 4y = 94' },
    {
      slot: 2,
      status: 'interrupted',
      content: 'Let x be',
      error: ['interrupted', 'Versus was shut down while this answer was being generated.'],
    },
  ]);
  await addTurn(id, slotIds, 2, 'Write a snake game that runs in the browser.', [
    {
      slot: 0,
      content: '<canvas></canvas>',
      finishReason: 'length',
      reasoningFormat: 'tags',
      reasoning: 'think',
    },
    { slot: 1, content: 'const snake = [];', reasoning: 'plan', reasoningFormat: 'closing-tag' },
    { slot: 2, content: 'Here is the game.' },
  ]);
  await setVerdict({ conversationId: id, ownerId, voterId, turnId: poem, best: 1 });
  await setVerdict({ conversationId: id, ownerId, voterId, turnId: rabbits, best: 'tie' });
  await setVerdict({
    conversationId: id,
    ownerId,
    voterId: `another-browser-${run}`,
    turnId: rabbits,
    best: 0,
  });
  return { id, slotIds };
}

/** A battle of two turns between two models; voted on with `outcome` unless it is null. */
export async function battle({
  ownerId,
  voterId,
  backendIds,
  models,
  outcome,
}: {
  ownerId: string;
  voterId: string;
  backendIds: [string, string];
  models: [string, string];
  outcome: 'a' | 'b' | 'tie' | 'bothbad' | null;
}) {
  const id = newId();
  const slotIds = [newId(), newId()];
  await db.conversation.create({
    data: {
      id,
      ownerId,
      voterId,
      mode: 'battle',
      runMode: 'parallel',
      title: 'Battle',
      slots: {
        create: [0, 1].map((position) => ({
          id: slotIds[position] ?? '',
          position,
          backendId: backendIds[position] ?? '',
          model: models[position] ?? '',
          params: '{}',
        })),
      },
    },
  });
  await addTurn(id, slotIds, 0, 'Tell me a joke.', [
    { slot: 0, content: 'A joke from A.' },
    { slot: 1, content: 'A joke from B.' },
  ]);
  await addTurn(id, slotIds, 1, 'Another one.', [
    { slot: 0, content: 'Second joke from A.' },
    { slot: 1, content: 'Second joke from B.' },
  ]);
  if (outcome) await castVote({ id, ownerId, voterId, outcome });
  return { id };
}
