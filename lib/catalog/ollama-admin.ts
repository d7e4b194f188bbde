import 'server-only';
import type { LoadedModelView, PullLine } from '@/lib/api/views';
import { deleteModel, loadedModels, pullModel } from '@/lib/backends/ollama-models';
import { db } from '@/lib/db/client';
import { AppError, toAppError } from '@/lib/errors';
import { recordBackendChange } from './backend-audit';
import { connectionOf } from './backend-connection';
import { listModels } from './model-cache';

const CALL_TIMEOUT_MS = 10_000;

/** A managed Ollama backend's connection, or the reason there is none. */
async function ollamaConnection(id: string) {
  const row = await db.backend.findFirst({ where: { id, removedAt: null } });
  if (!row || row.source === 'import') throw new AppError('not_found', 'No such backend.');
  if (row.kind !== 'ollama') {
    throw new AppError(
      'bad_request',
      `${row.label} is not an Ollama server: it has no models to pull.`,
    );
  }
  return connectionOf(row);
}

/** What the Ollama backend has in memory now (/api/ps). */
export async function loadedOn(id: string): Promise<LoadedModelView[]> {
  const connection = await ollamaConnection(id);
  const loaded = await loadedModels(connection, AbortSignal.timeout(CALL_TIMEOUT_MS));
  return loaded.map((model) => ({ ...model, contextLength: model.contextLength ?? null }));
}

/**
 * Pulls a model onto the Ollama backend, as lines for the browser: Ollama's progress, then done
 * or the error. The backend is looked up first, so that a wrong one is refused before any line
 * is sent. The pull belongs to the request: when the admin cancels (or leaves), `signal` stops
 * it. Audited once it ends, with how it ended.
 */
export async function startPull({
  id,
  model,
  actorId,
  signal,
}: {
  id: string;
  model: string;
  actorId: string;
  signal: AbortSignal;
}): Promise<AsyncGenerator<PullLine>> {
  const connection = await ollamaConnection(id);
  async function* lines(): AsyncGenerator<PullLine> {
    let outcome = 'success';
    try {
      for await (const line of pullModel(connection, model, signal)) yield line;
      // The new model lists at once, not after the cache's minute.
      await listModels(connection, { fresh: true }).catch(() => undefined);
      yield { done: true };
    } catch (error) {
      outcome = 'failed';
      if (!signal.aborted) {
        const appError = toAppError(error);
        yield { error: { code: appError.code, message: appError.message } };
      }
    } finally {
      if (signal.aborted) outcome = 'cancelled';
      await recordBackendChange({
        backendId: id,
        actorId,
        action: 'pull',
        changes: { model: { to: model }, outcome: { to: outcome } },
      }).catch(() => undefined);
    }
  }
  return lines();
}

/** Deletes a model from the Ollama backend. */
export async function deleteOn({
  id,
  model,
  actorId,
}: {
  id: string;
  model: string;
  actorId: string;
}) {
  const connection = await ollamaConnection(id);
  await deleteModel(connection, model, AbortSignal.timeout(CALL_TIMEOUT_MS));
  await recordBackendChange({
    backendId: id,
    actorId,
    action: 'delete-model',
    changes: { model: { from: model } },
  });
  await listModels(connection, { fresh: true }).catch(() => undefined);
}
