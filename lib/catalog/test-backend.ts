import 'server-only';
import type { TestBackendInput } from '@/lib/api/inputs';
import type { BackendTestView } from '@/lib/api/views';
import { adapterFor } from '@/lib/backends/create-adapter';
import { maskCredentials } from '@/lib/backends/map-error';
import type { BackendConnection } from '@/lib/backends/types';
import { db } from '@/lib/db/client';
import { toAppError } from '@/lib/errors';
import { connectionOf } from './backend-connection';

const TEST_TIMEOUT_MS = 8_000;

/**
 * The connection as typed on the admin page. Editing a saved backend, the key and headers left
 * blank are the stored ones (they are never sent to the browser to be sent back).
 */
async function draftConnection(input: TestBackendInput): Promise<BackendConnection> {
  const draft: BackendConnection = {
    kind: input.kind,
    baseUrl: input.baseUrl,
    apiKey: input.apiKey ?? null,
    headers: input.headers ?? undefined,
    label: input.label,
  };
  if (!input.id) return draft;
  const row = await db.backend.findFirst({ where: { id: input.id, removedAt: null } });
  if (!row) return draft;
  const saved = connectionOf(row);
  return {
    ...draft,
    // The form shows the address without its credentials; unchanged, it means the stored one.
    baseUrl: input.baseUrl === maskCredentials(row.baseUrl) ? row.baseUrl : input.baseUrl,
    label: input.label ?? row.label,
    apiKey: input.apiKey === undefined ? saved.apiKey : draft.apiKey,
    headers: input.headers === undefined ? saved.headers : draft.headers,
  };
}

/** Asks the backend for its models, bypassing every cache: its version and models, or why not. */
export async function testBackend(input: TestBackendInput): Promise<BackendTestView> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const connection = await draftConnection(input);
    const models = await adapterFor(connection).listModels(AbortSignal.timeout(TEST_TIMEOUT_MS));
    return {
      ok: true,
      version: models.find((model) => model.backendVersion)?.backendVersion ?? null,
      models,
      ms: elapsed(),
    };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, error: { code: appError.code, message: appError.message }, ms: elapsed() };
  }
}
