import { Ollama } from 'ollama';
import { describeBaseUrl, type FailureContext } from './map-error';
import { ollamaFetch } from './ollama-fetch';
import type { BackendConnection, RequestHooks } from './types';

/** How an Ollama failure names the backend and what to check. */
export function ollamaFailureContext(
  connection: BackendConnection,
  model?: string,
): FailureContext {
  return {
    target: connection.label ?? `Ollama at ${describeBaseUrl(connection.baseUrl)}`,
    model,
    apiKeyHint: 'Ollama itself takes no key; check the proxy in front of it.',
    paymentHint: 'Check the account of the service in front of Ollama.',
  };
}

/**
 * A client for one call: its fetch carries that call's signal, and a client-wide abort() (which
 * ollama-js offers) can never reach another call's stream.
 */
export function ollamaClient(
  connection: BackendConnection,
  signal: AbortSignal,
  hooks?: RequestHooks,
): Ollama {
  return new Ollama({
    host: connection.baseUrl,
    fetch: ollamaFetch(signal, hooks),
    headers: connection.headers,
  });
}
