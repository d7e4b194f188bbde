/** Integration-test support: fake backends on loopback, rows in the test database, waiting. */

import type { ModelScript } from '@/fake-backends/script';
import { type FakeBackends, startFakeBackends } from '@/fake-backends/start';
import type { CreateConversationInput } from '@/lib/api/inputs';
import type { BackendKind } from '@/lib/backends/types';
import { seal } from '@/lib/catalog/secret-box';
import { createConversation } from '@/lib/conversations/write';
import { db } from '@/lib/db/client';
import { liveMessages } from '@/lib/generation/registry';
import { getLocalUser } from '@/lib/users';

export async function startFakes(): Promise<FakeBackends> {
  const fakes = await startFakeBackends({ ports: { ollama: 0, openai: 0, deepseek: 0 } });
  const rows: { id: string; kind: BackendKind; baseUrl: string; apiKey: string | null }[] = [
    { id: 'test-ollama', kind: 'ollama', baseUrl: fakes.urls.ollama, apiKey: null },
    { id: 'test-openai', kind: 'openai', baseUrl: fakes.urls.openai, apiKey: null },
    { id: 'test-deepseek', kind: 'deepseek', baseUrl: fakes.urls.deepseek, apiKey: 'sk-test' },
    // Nothing listens on port 9 of loopback: connection refused, at once.
    { id: 'test-down', kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: null },
  ];
  for (const row of rows) {
    const apiKey = row.apiKey && seal(row.apiKey);
    await db.backend.upsert({
      where: { id: row.id },
      create: { ...row, apiKey, label: row.id, source: 'ui' },
      update: { baseUrl: row.baseUrl, apiKey },
    });
  }
  return fakes;
}

export const backendIdOf: Record<BackendKind, string> = {
  ollama: 'test-ollama',
  openai: 'test-openai',
  deepseek: 'test-deepseek',
};

/** Scripts one fake model per slot and creates a conversation with that lineup. */
export async function lineupOf(
  fakes: FakeBackends,
  slots: {
    kind: BackendKind | 'down';
    script: ModelScript;
    params?: CreateConversationInput['lineup'][number]['params'];
  }[],
  runMode: 'parallel' | 'sequential' = 'parallel',
) {
  for (const slot of slots) {
    if (slot.kind !== 'down') fakes.scriptModel(slot.kind, slot.script);
  }
  const user = await getLocalUser();
  return createConversation({
    ownerId: user.id,
    voterId: 'test-voter',
    input: {
      runMode,
      lineup: slots.map((slot) => ({
        backendId: slot.kind === 'down' ? 'test-down' : backendIdOf[slot.kind],
        model: slot.script.id,
        params: slot.params ?? {},
      })),
    },
  });
}

/** Waits until none of the messages is generating in this process, then returns their rows. */
export async function settled(messageIds: string[]) {
  for (const id of messageIds) await liveMessages.get(id)?.settled;
  const rows = await db.message.findMany({ where: { id: { in: messageIds } } });
  return messageIds.map((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) throw new Error(`message ${id} vanished`);
    return row;
  });
}

let counter = 0;
/** A model id no other test uses, so scripted models never collide. */
export function uniqueModel(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Date.now().toString(36)}`;
}
