import 'server-only';
import { adapterFor } from '@/lib/backends/create-adapter';
import type { BackendConnection, ModelInfo } from '@/lib/backends/types';
import { toAppError } from '@/lib/errors';

const TTL_MS = 60_000;
const LIST_TIMEOUT_MS = 5_000;

type Listing = { at: number; result: Promise<ModelInfo[]>; models?: ModelInfo[] };

// Model lists change rarely; caching keeps the listing off the generation hot path. On
// globalThis because each Next.js route bundle evaluates this module: the streaming routes
// listed every backend again on their first turn, beside the listing the page had done.
const store = globalThis as typeof globalThis & { __versusModels?: Map<string, Listing> };
store.__versusModels ??= new Map();
const cache = store.__versusModels;

// The key and headers are part of it: two backends at one address with different keys (one
// of them wrong) must not share a listing. In memory only.
function cacheKey(connection: BackendConnection): string {
  return JSON.stringify([
    connection.kind,
    connection.baseUrl,
    connection.apiKey ?? null,
    connection.headers ?? null,
  ]);
}

/** The backend's models, from cache when fresh. Rejects with an AppError. */
export function listModels(connection: BackendConnection, { fresh = false } = {}) {
  const key = cacheKey(connection);
  const hit = cache.get(key);
  if (hit && !fresh && Date.now() - hit.at < TTL_MS) return hit.result;
  const result = adapterFor(connection)
    .listModels(AbortSignal.timeout(LIST_TIMEOUT_MS))
    .catch((error: unknown) => {
      cache.delete(key);
      throw toAppError(error);
    });
  const listing: Listing = { at: Date.now(), result };
  result.then(
    (models) => {
      listing.models = models;
    },
    () => {},
  );
  cache.set(key, listing);
  return result;
}

/**
 * What the backend reported of one model, without waiting: undefined while no listing has
 * completed (one is started when none is cached). Waiting for one in flight held a message's
 * final write, and a Stop's answer, for as long as the listing took: up to its 5 s timeout.
 */
export function cachedModelInfo(
  connection: BackendConnection,
  model: string,
): ModelInfo | undefined {
  const hit = cache.get(cacheKey(connection));
  if (!hit) {
    listModels(connection).catch(() => undefined);
    return undefined;
  }
  return hit.models?.find((info) => info.id === model);
}
