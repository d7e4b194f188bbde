import { type APIRequestContext, expect } from '@playwright/test';
import type { ModelScript } from '../../fake-backends/script';
import { E2E } from '../ports';

type Kind = 'ollama' | 'openai' | 'deepseek';

/** Adds or replaces a scripted model on one fake backend. */
export async function scriptModel(request: APIRequestContext, kind: Kind, script: ModelScript) {
  const response = await request.post(`${E2E.fakeUrl(kind)}/__fake/models`, { data: script });
  if (!response.ok()) throw new Error(`scripting ${kind} failed: ${await response.text()}`);
}

let counter = 0;
export function uniqueModel(prefix: string) {
  counter += 1;
  return `${prefix}-${counter}-${Date.now().toString(36)}`;
}

export const backendIds: Record<Kind, string> = {
  ollama: 'ollama',
  openai: 'openai',
  deepseek: 'deepseek',
};

/** Creates a conversation through the API and sends its first prompt; returns both ids. */
export async function startComparison(
  request: APIRequestContext,
  lineup: { kind: Kind; model: string; params?: Record<string, unknown> }[],
  prompt: string,
) {
  // Listing refreshes the app's model cache, so freshly scripted models are known.
  await request.get('/api/backends?fresh=1');
  const created = await request.post('/api/conversations', {
    data: {
      lineup: lineup.map((slot) => ({
        backendId: backendIds[slot.kind],
        model: slot.model,
        params: slot.params ?? {},
      })),
    },
  });
  if (!created.ok()) throw new Error(`create failed: ${await created.text()}`);
  const { conversation } = (await created.json()) as { conversation: { id: string } };
  const turn = await request.post(`/api/conversations/${conversation.id}/turns`, {
    data: { prompt },
  });
  if (!turn.ok()) throw new Error(`turn failed: ${await turn.text()}`);
  return { conversationId: conversation.id };
}

export const words = (count: number, prefix = 'word') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');

/** Sends a prompt once the previous turn is over (the API refuses one while it runs). */
export async function sendWhenIdle(
  request: APIRequestContext,
  conversationId: string,
  prompt: string,
) {
  await expect
    .poll(async () => {
      const response = await request.post(`/api/conversations/${conversationId}/turns`, {
        data: { prompt },
      });
      return response.status();
    })
    .toBe(201);
}
