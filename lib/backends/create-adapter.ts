import { createOllamaAdapter } from './ollama-adapter';
import { createOpenAICompatibleAdapter } from './openai-compatible-adapter';
import { profiles } from './profiles';
import type { BackendAdapter, BackendConnection } from './types';

/** Far more connections than anyone configures; past it (edits over months), start over. */
const MAX_ADAPTERS = 64;
const adapters = new Map<string, BackendAdapter>();

/**
 * The adapter of a connection, made once: adapters hold no per-request state, and the openai
 * one holds an SDK client, which is not free to build (see openai-compatible-adapter.ts).
 */
export function adapterFor(connection: BackendConnection): BackendAdapter {
  const key = JSON.stringify([
    connection.kind,
    connection.baseUrl,
    connection.apiKey ?? null,
    connection.label ?? null,
    connection.headers ?? null,
  ]);
  let adapter = adapters.get(key);
  if (!adapter) {
    if (adapters.size >= MAX_ADAPTERS) adapters.clear();
    adapter =
      connection.kind === 'ollama'
        ? createOllamaAdapter(connection)
        : createOpenAICompatibleAdapter(connection, profiles[connection.kind]);
    adapters.set(key, adapter);
  }
  return adapter;
}
