import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { createConversation } from '@/lib/conversations/write';
import { db } from '@/lib/db/client';
import { retryMessage } from '@/lib/generation/control';
import { startTurn } from '@/lib/generation/start-turn';
import { getLocalUser } from '@/lib/users';
import { settled, startFakes, uniqueModel } from '@/test/generation-harness';
import { exportConversation } from './export-conversation';
import { importConversation } from './import-conversation';

let fakes: FakeBackends;
let local = '';

beforeAll(async () => {
  fakes = await startFakes();
  local = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

it('sends nothing to a backend an import recorded, while the slot of a configured one answers', async () => {
  const model = uniqueModel('imported-ok');
  fakes.scriptModel('ollama', {
    id: model,
    answer: 'Still here.',
    tokensPerSecond: 2000,
    ttftMs: 5,
  });
  const original = await createConversation({
    ownerId: local,
    voterId: 'import-test',
    input: {
      runMode: 'parallel',
      lineup: [
        { backendId: 'test-ollama', model, params: {} },
        { backendId: 'test-openai', model: 'gone', params: {} },
      ],
    },
  });
  const file = {
    ...(await exportConversation({ id: original.id, ownerId: local, voterId: 'import-test' })),
  };
  // Same kind and label as the fake Ollama (test-ollama); a vLLM this instance never had.
  const nowhere = `Nowhere ${uniqueModel('vllm')}`;
  file.lineup = file.lineup.map((slot) =>
    slot.position === 1 ? { ...slot, backend: { kind: 'openai', label: nowhere } } : slot,
  );
  const { id } = await importConversation({
    ownerId: local,
    voterId: 'import-test',
    input: file,
  });
  const slots = await db.slot.findMany({
    where: { conversationId: id },
    orderBy: { position: 'asc' },
  });
  expect(slots[0]?.backendId).toBe('test-ollama');
  const placeholder = slots[1]?.backendId ?? '';

  const turn = await startTurn({ conversationId: id, ownerId: local, prompt: 'Are you there?' });
  const [answered, refused] = await settled(turn.messages.map((message) => message.id));
  expect([answered?.status, answered?.content]).toEqual(['done', 'Still here.']);
  expect(refused).toMatchObject({ status: 'error', errorCode: 'backend_unreachable' });
  expect(refused?.errorMessage).toMatch(/came with an imported conversation.*nothing was sent/);

  // A retry goes the same way, and a new comparison cannot pick that backend at all.
  const retried = await retryMessage({ id: refused?.id ?? '', ownerId: local });
  const [again] = await settled([retried.id]);
  expect([again?.status, again?.errorCode]).toEqual(['error', 'backend_unreachable']);
  await expect(
    createConversation({
      ownerId: local,
      voterId: 'import-test',
      input: {
        runMode: 'parallel',
        lineup: [
          { backendId: placeholder, model: 'gone', params: {} },
          { backendId: 'test-ollama', model, params: {} },
        ],
      },
    }),
  ).rejects.toMatchObject({ code: 'bad_request', message: `Unknown backend: ${placeholder}.` });
});
