import { createOllamaAdapter } from './ollama-adapter';
import { createOpenAICompatibleAdapter } from './openai-compatible-adapter';
import { profiles } from './profiles';
import type { BackendAdapter, BackendConnection } from './types';

export function createAdapter(connection: BackendConnection): BackendAdapter {
  if (connection.kind === 'ollama') return createOllamaAdapter(connection);
  return createOpenAICompatibleAdapter(connection, profiles[connection.kind]);
}
