import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { createBackendSchema, updateBackendSchema } from '@/lib/api/inputs';
import { getConversation } from '@/lib/conversations/read';
import { createConversation } from '@/lib/conversations/write';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { settled, startFakes, uniqueModel } from '@/test/generation-harness';
import { createBackend, removeBackend, updateBackend } from './manage-backends';

let fakes: FakeBackends;
let ownerId = '';

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(() => fakes.close());

const fast = { tokensPerSecond: 2000, ttftMs: 1 };

it('keeps a conversation whole when its backend is renamed, disabled, then removed', async () => {
  const model = uniqueModel('on-lab');
  const other = uniqueModel('on-test');
  fakes.scriptModel('ollama', { id: model, answer: 'LAB', ...fast });
  fakes.scriptModel('ollama', { id: other, answer: 'OTHER', ...fast });
  const lab = await createBackend({
    input: createBackendSchema.parse({
      kind: 'ollama',
      label: 'Lab box',
      baseUrl: fakes.urls.ollama,
    }),
    actorId: ownerId,
  });
  const conversation = await createConversation({
    ownerId,
    voterId: 'test-voter',
    input: {
      runMode: 'parallel',
      lineup: [
        { backendId: lab.id, model, params: {} },
        { backendId: 'test-ollama', model: other, params: {} },
      ],
    },
  });
  const ask = async (prompt: string) => {
    const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt });
    return settled(turn.messages.map((message) => message.id));
  };

  const first = await ask('one');
  expect(first.map((message) => [message.status, message.content.trim()])).toEqual([
    ['done', 'LAB'],
    ['done', 'OTHER'],
  ]);

  // Renamed: the conversation shows the new name; disabled: its column fails, saying why.
  const update = (input: Record<string, unknown>) =>
    updateBackend({ id: lab.id, input: updateBackendSchema.parse(input), actorId: ownerId });
  await update({ label: 'GPU box' });
  await update({ enabled: false });
  const second = await ask('two');
  expect(second[0]).toMatchObject({ status: 'error', errorCode: 'backend_unreachable' });
  expect(second[0]?.errorMessage).toMatch(/^GPU box is disabled by an admin, so nothing was sent/);
  expect(second[1]).toMatchObject({ status: 'done' });

  // Removed: the history stays, under the name it had; new prompts fail in that column only.
  await removeBackend({ id: lab.id, actorId: ownerId });
  const third = await ask('three');
  expect(third[0]?.errorMessage).toMatch(/^GPU box was removed by an admin/);
  expect(third[1]).toMatchObject({ status: 'done' });
  const view = await getConversation({ id: conversation.id, ownerId, voterId: 'test-voter' });
  expect(view?.slots.map((slot) => slot.backendLabel)).toEqual(['GPU box', 'test-ollama']);
  expect(view?.turns[0]?.messages[0]?.content.trim()).toBe('LAB');
  expect(fakes.runs('ollama').filter((run) => run.model === model)).toHaveLength(1);
});
