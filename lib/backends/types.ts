/** The contract every backend kind implements. No HTTP routes, React or database here. */

export type BackendKind = 'ollama' | 'openai' | 'deepseek';

export interface BackendConnection {
  kind: BackendKind;
  baseUrl: string;
  apiKey?: string | null;
}

/** What a backend reports about one model. Every field but id is optional: backends differ. */
export interface ModelInfo {
  id: string;
  parameterSize?: string;
  quantization?: string;
  family?: string;
  digest?: string;
  sizeBytes?: number;
  contextLength?: number;
  supportsThinking?: boolean;
  /** Server version (Ollama's /api/version) when the backend tells it. */
  backendVersion?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What an adapter's transport reports of one request. */
export interface RequestHooks {
  /**
   * Called when the SDK hands the request to the transport: the start of its timing, so that
   * the SDK's own work (tens of ms on its first call in a process) is not the model's.
   */
  onSending?: () => void;
  /** Called once the backend has answered the request (status line and headers). */
  onAnswered?: () => void;
}

export interface ChatRequest extends RequestHooks {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Ask for a reasoning trace where the backend supports toggling it (Ollama `think`). */
  think?: boolean;
  signal: AbortSignal;
}

/** Final counts; durations in ms. Backend-reported where the backend gives them. */
export interface UsageReport {
  promptTokens?: number;
  completionTokens?: number;
  /** Ollama: eval_duration — pure generation time, excludes load and prompt eval. */
  generationMs?: number;
  promptEvalMs?: number;
  loadMs?: number;
}

/** What an adapter yields, in arrival order. */
export type BackendChunk =
  | { type: 'reasoning'; text: string }
  | { type: 'content'; text: string }
  /** All content so far was reasoning: a bare `</think>` closed a block that never opened. */
  | { type: 'reclassify' }
  | { type: 'usage'; usage: UsageReport }
  | { type: 'finish'; reason: string };

export interface BackendAdapter {
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>;
  /**
   * Streams one chat completion. Throws AppError for every failure, including a stream
   * that ends without its final record. Leaving the loop early aborts the upstream request.
   */
  chat(request: ChatRequest): AsyncIterable<BackendChunk>;
}
