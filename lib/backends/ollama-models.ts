import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { abortReason } from './map-error';
import { mapOllamaError } from './map-ollama-error';
import { ollamaClient, ollamaFailureContext } from './ollama-client';
import type { BackendConnection } from './types';

// Managing an Ollama server's models: what is loaded (/api/ps), pulling (/api/pull, streamed
// progress) and deleting (/api/delete), on the ollama SDK.

/** A model in memory: how much of it sits in VRAM (the rest runs on the CPU), and until when. */
export interface LoadedModel {
  id: string;
  sizeBytes: number;
  vramBytes: number;
  /** When Ollama unloads it unless it is used again. */
  expiresAt: string | null;
  contextLength?: number;
}

/** One line of a pull's progress, as Ollama sends it. */
export interface PullProgress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

export const psSchema = z.looseObject({
  models: z.array(
    z.looseObject({
      name: z.string(),
      size: z.number(),
      size_vram: z.number(),
      // ollama-js turns it into a Date.
      expires_at: z.union([z.date(), z.string()]).optional(),
      context_length: z.number().optional(),
    }),
  ),
});

const progressSchema = z.looseObject({
  status: z.string(),
  digest: z.string().optional(),
  total: z.number().optional(),
  completed: z.number().optional(),
});

function isoTime(value: Date | string | undefined): string | null {
  if (value === undefined) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** /api/ps's answer, as loaded models. */
export function loadedOf({ models }: z.infer<typeof psSchema>): LoadedModel[] {
  return models.map((model) => ({
    id: model.name,
    sizeBytes: model.size,
    vramBytes: model.size_vram,
    expiresAt: isoTime(model.expires_at),
    contextLength: model.context_length,
  }));
}

/** The models Ollama has in memory now. */
export async function loadedModels(
  connection: BackendConnection,
  signal: AbortSignal,
): Promise<LoadedModel[]> {
  const context = ollamaFailureContext(connection);
  try {
    return loadedOf(psSchema.parse(await ollamaClient(connection, signal).ps()));
  } catch (error) {
    if (signal.aborted) throw abortReason(signal, context);
    throw mapOllamaError(error, 'connect', context);
  }
}

/**
 * Pulls a model, yielding Ollama's progress lines. Leaving the loop early, or the signal,
 * stops the download (Ollama keeps what it fetched, and resumes from there next time).
 */
export async function* pullModel(
  connection: BackendConnection,
  model: string,
  signal: AbortSignal,
): AsyncGenerator<PullProgress> {
  const context = ollamaFailureContext(connection, model);
  const upstream = new AbortController();
  const forward = () => upstream.abort(signal.reason);
  signal.addEventListener('abort', forward, { once: true });
  let phase: 'connect' | 'stream' = 'connect';
  let succeeded = false;
  try {
    const stream = await ollamaClient(connection, upstream.signal).pull({ model, stream: true });
    phase = 'stream';
    for await (const raw of stream) {
      const line = progressSchema.parse(raw);
      succeeded = line.status === 'success';
      yield line;
    }
  } catch (error) {
    if (signal.aborted) throw abortReason(signal, context);
    if (error instanceof Error && /file does not exist/.test(error.message)) {
      throw new AppError(
        'model_not_found',
        `${context.target} found no model named "${model}" in the registry (Ollama said: ${error.message}). Check the name on ollama.com/library.`,
      );
    }
    throw mapOllamaError(error, phase, context);
  } finally {
    signal.removeEventListener('abort', forward);
    upstream.abort();
  }
  if (!succeeded) {
    throw new AppError('incomplete_stream', `${context.target} ended the pull of ${model} early.`);
  }
}

/** Deletes a model from the Ollama server. */
export async function deleteModel(
  connection: BackendConnection,
  model: string,
  signal: AbortSignal,
): Promise<void> {
  const context = ollamaFailureContext(connection, model);
  try {
    await ollamaClient(connection, signal).delete({ model });
  } catch (error) {
    if (signal.aborted) throw abortReason(signal, context);
    throw mapOllamaError(error, 'connect', context);
  }
}
