import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { rawRequest } from '@/fake-backends/test-client';
import type { PullLine } from '@/lib/api/views';
import { getLocalUser } from '@/lib/users';
import { startFakes } from '@/test/generation-harness';
import { listBackendChanges } from './backend-audit';
import { listBackends } from './list-backends';
import { deleteOn, loadedOn, startPull } from './ollama-admin';

let fakes: FakeBackends;
let actorId = '';

beforeAll(async () => {
  fakes = await startFakes();
  actorId = (await getLocalUser()).id;
});
afterAll(() => fakes.close());

const pull = async (model: string, signal = new AbortController().signal) => {
  const lines: PullLine[] = [];
  for await (const line of await startPull({ id: 'test-ollama', model, actorId, signal })) {
    lines.push(line);
  }
  return lines;
};
const latestChange = async () =>
  (await listBackendChanges()).find((change) => change.backendId === 'test-ollama');
const modelsOf = async () =>
  (await listBackends()).find((backend) => backend.id === 'test-ollama')?.models.map((m) => m.id);

it('pulls a model onto an Ollama backend, lists it at once, and audits the pull', async () => {
  const lines = await pull('qwen2.5:0.5b');
  expect(lines[0]).toEqual({ status: 'pulling manifest' });
  expect(lines.at(-2)).toEqual({ status: 'success' });
  expect(lines.at(-1)).toEqual({ done: true });
  expect(await modelsOf()).toContain('qwen2.5:0.5b');
  expect(await latestChange()).toMatchObject({
    action: 'pull',
    changes: { model: { to: 'qwen2.5:0.5b' }, outcome: { to: 'success' } },
  });
});

it('ends a pull of an unknown model with the reason, and a cancelled one as cancelled', async () => {
  const lines = await pull('no-such:1b');
  expect(lines.at(-1)).toEqual({
    error: {
      code: 'model_not_found',
      message: expect.stringMatching(/^test-ollama found no model/),
    },
  });
  expect((await latestChange())?.changes).toMatchObject({ outcome: { to: 'failed' } });

  await rawRequest(`${fakes.urls.ollama}/__fake/pull-pace`, { body: { stepMs: 30 } });
  const cancel = new AbortController();
  const seen: PullLine[] = [];
  for await (const line of await startPull({
    id: 'test-ollama',
    model: 'gemma3:1b',
    actorId,
    signal: cancel.signal,
  })) {
    seen.push(line);
    if ('completed' in line && line.completed) cancel.abort();
  }
  expect(seen.some((line) => 'done' in line || 'error' in line)).toBe(false);
  expect((await latestChange())?.changes).toMatchObject({
    model: { to: 'gemma3:1b' },
    outcome: { to: 'cancelled' },
  });
  await rawRequest(`${fakes.urls.ollama}/__fake/pull-pace`, { body: { stepMs: 5 } });
});

it('lists what is loaded, and deletes a model with an audit entry', async () => {
  fakes.scriptModel('ollama', { id: 'tiny:1b', tokensPerSecond: 2000, ttftMs: 1 });
  await rawRequest(`${fakes.urls.ollama}/api/chat`, {
    body: { model: 'tiny:1b', messages: [{ role: 'user', content: 'hi' }], stream: false },
  });
  expect((await loadedOn('test-ollama')).map((model) => model.id)).toContain('tiny:1b');
  await deleteOn({ id: 'test-ollama', model: 'tiny:1b', actorId });
  expect(await modelsOf()).not.toContain('tiny:1b');
  expect(await latestChange()).toMatchObject({
    action: 'delete-model',
    changes: { model: { from: 'tiny:1b' } },
  });
  await expect(loadedOn('test-openai')).rejects.toThrow(/is not an Ollama server/);
  // Refused before a line is sent: the route answers the error as JSON.
  await expect(
    startPull({ id: 'no-such', model: 'x', actorId, signal: new AbortController().signal }),
  ).rejects.toThrow('No such backend.');
});
