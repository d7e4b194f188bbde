import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelScript } from '@/fake-backends/script';
import type { FakeBackends } from '@/fake-backends/start';
import { waitFor } from '@/fake-backends/test-client';
import type { BackendKind } from '@/lib/backends/types';
import { listModels } from '@/lib/catalog/model-cache';
import { stopMessage } from '@/lib/generation/control';
import type { MessageEvent } from '@/lib/generation/events';
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

const fast = { ttftMs: 5, tokensPerSecond: 500 };

/** Starts a turn and records every event its (only) message sends, from the first token on. */
async function recordTurn(conversationId: string, prompt: string) {
  const turn = await startTurn({ conversationId, ownerId, prompt });
  const id = turn.messages[0]?.id ?? '';
  const live = liveMessages.get(id);
  if (!live) throw new Error('not live');
  const events: MessageEvent[] = [];
  live.subscribe(
    (frame) => events.push(JSON.parse(frame.slice(frame.indexOf('data: ') + 6))),
    () => {},
  );
  const [row] = await settled([id]);
  if (!row) throw new Error('no row');
  return { row, events };
}

describe('telling reasoning from answer', () => {
  // DeepSeek-R1-Distill-Qwen behind vLLM without a reasoning parser: the template opens
  // <think>, so the trace streams as content until a bare </think>.
  const distill = (id: string): ModelScript => ({
    id,
    reasoningStyle: 'closing-tag',
    reasoning: 'Let x be chickens.',
    answer: 'There are 23 chickens.',
    ttftMs: 200,
    tokensPerSecond: 100,
  });

  it('marks content tentative until the bare </think>, then remembers the model for its next answer', async () => {
    const model = uniqueModel('r1-distill');
    const conversation = await lineupOf(fakes, [{ kind: 'openai', script: distill(model) }]);

    const first = await recordTurn(conversation.id, 'How many?');
    const texts = first.events.filter(
      (event) =>
        event.type === 'content' || event.type === 'reasoning' || event.type === 'reclassify',
    );
    const reclassifyAt = texts.findIndex((event) => event.type === 'reclassify');
    expect(reclassifyAt).toBeGreaterThan(0);
    // Before the close: tentative content, every token; after it: the answer, not tentative.
    expect(
      texts
        .slice(0, reclassifyAt)
        .every((event) => event.type === 'content' && event.tentative === true),
    ).toBe(true);
    expect(texts.slice(reclassifyAt + 1).some((event) => event.type === 'content')).toBe(true);
    expect(texts.slice(reclassifyAt + 1).every((event) => !('tentative' in event))).toBe(true);
    expect(first.row).toMatchObject({ status: 'done', reasoningFormat: 'closing-tag' });
    expect(first.row.reasoning.trim()).toBe('Let x be chickens.');
    expect(first.row.content.trim()).toBe('There are 23 chickens.');

    // The second answer streams as reasoning from its first token: nothing to reclassify.
    const second = await recordTurn(conversation.id, 'And rabbits?');
    const firstText = second.events.find(
      (event) => event.type === 'content' || event.type === 'reasoning',
    );
    expect(firstText).toMatchObject({ type: 'reasoning', text: 'Let' });
    expect(second.events.some((event) => event.type === 'reclassify')).toBe(false);
    expect(second.events.some((event) => event.type === 'content' && event.tentative)).toBe(false);
    expect(second.row).toMatchObject({ status: 'done', reasoningFormat: 'closing-tag' });
    expect(second.row.reasoning.trim()).toBe('Let x be chickens.');
    expect(second.row.content.trim()).toBe('There are 23 chickens.');
    // Reasoning from the first token on: the reasoning time starts there too.
    expect(second.row.reasoningMs).toBeGreaterThan(0);
    expect(second.row.answerTtftMs).toBeGreaterThan(second.row.ttftMs ?? Number.POSITIVE_INFINITY);
  });

  it("records how each answer's reasoning arrived, and none for a plain answer", async () => {
    const conversation = await lineupOf(fakes, [
      {
        kind: 'ollama',
        script: { id: uniqueModel('tags'), reasoningStyle: 'think-tags', ...fast },
      },
      {
        kind: 'ollama',
        params: { think: true },
        script: { id: uniqueModel('field'), reasoningStyle: 'field', ...fast },
      },
      { kind: 'deepseek', script: { id: uniqueModel('field'), reasoningStyle: 'field', ...fast } },
      { kind: 'openai', script: { id: uniqueModel('plain'), ...fast } },
    ]);
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const rows = await settled(turn.messages.map((message) => message.id));
    expect(rows.map((row) => [row.status, row.reasoningFormat])).toEqual([
      ['done', 'tags'],
      ['done', 'field'],
      ['done', 'field'],
      ['done', null],
    ]);
  });
});

describe('history valid for every backend', () => {
  // The reasoning goes where each kind puts it; DeepSeek's fake is a reasoner, which answers 400
  // to two user messages in a row, as the real one does.
  const styles: Record<BackendKind, ModelScript['reasoningStyle']> = {
    ollama: 'think-tags',
    openai: 'field',
    deepseek: 'field',
  };

  it.each(['ollama', 'openai', 'deepseek'] as const)(
    '%s: after a stopped, a failed and a reasoning-only answer, the next turn is served',
    async (kind) => {
      const model = uniqueModel(`history-${kind}`);
      const script = (extra: Partial<ModelScript>): ModelScript => ({
        id: model,
        reasoningStyle: styles[kind],
        reasoning: 'Hmm.',
        ...fast,
        ...extra,
      });
      const conversation = await lineupOf(fakes, [{ kind, script: script({ ttftMs: 60_000 }) }]);
      const ask = async (prompt: string) => {
        const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt });
        return turn.messages[0]?.id ?? '';
      };

      // Stopped before any text.
      const stopped = await ask('first, stopped');
      await waitFor(() => fakes.runs(kind).some((run) => run.model === model), 'the request');
      await stopMessage({ id: stopped, ownerId });
      // Failed.
      fakes.scriptModel(kind, script({ fault: { kind: 'http-error', status: 500 } }));
      await settled([await ask('second, failed')]);
      // Reasoning only: no answer text at all.
      fakes.scriptModel(kind, script({ answer: '' }));
      await settled([await ask('third, thought only')]);
      // Then an ordinary turn.
      fakes.scriptModel(kind, script({ answer: 'Fine.' }));
      const [last] = await settled([await ask('fourth')]);

      const rows = await settled([stopped]);
      expect(rows[0]?.status).toBe('stopped');
      expect(last).toMatchObject({ status: 'done', errorMessage: null });
      expect(last?.content.trim()).toBe('Fine.');
      const runs = fakes.runs(kind).filter((run) => run.model === model);
      expect(runs.map((run) => run.status)).toEqual([200, 500, 200, 200]);
      // Every prompt still reaches the model, in alternating roles.
      expect(runs.at(-1)?.request).toMatchObject({
        messages: [
          {
            role: 'user',
            content: 'first, stopped\n\nsecond, failed\n\nthird, thought only\n\nfourth',
          },
        ],
      });
    },
    20_000,
  );
});

describe('think only where supported', () => {
  it('does not send `think` to an Ollama model the listing reports unable to think', async () => {
    const plain = uniqueModel('llama');
    const r1 = uniqueModel('r1');
    fakes.scriptModel('ollama', { id: plain, ...fast, supportsThinking: false });
    fakes.scriptModel('ollama', {
      id: r1,
      ...fast,
      reasoningStyle: 'field',
      supportsThinking: true,
    });
    // The lineup picker lists a backend's models before they are picked.
    await listModels({ kind: 'ollama', baseUrl: fakes.urls.ollama }, { fresh: true });
    const conversation = await lineupOf(fakes, [
      {
        kind: 'ollama',
        params: { think: true },
        script: { id: plain, ...fast, supportsThinking: false },
      },
      {
        kind: 'ollama',
        params: { think: true },
        script: { id: r1, ...fast, reasoningStyle: 'field', supportsThinking: true },
      },
    ]);
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
    const rows = await settled(turn.messages.map((message) => message.id));

    expect(rows.map((row) => [row.status, row.errorMessage])).toEqual([
      ['done', null],
      ['done', null],
    ]);
    const requestOf = (model: string) =>
      fakes.runs('ollama').find((run) => run.model === model)?.request;
    expect(requestOf(plain)).not.toHaveProperty('think');
    // A model that can think still gets it, and thinks in its own field.
    expect(requestOf(r1)).toMatchObject({ think: true });
    expect(rows[1]?.reasoningFormat).toBe('field');
  });
});
