/** The contract every backend kind implements. No HTTP routes, React or database here. */

export type BackendKind = 'ollama' | 'openai' | 'deepseek';

export interface BackendConnection {
  kind: BackendKind;
  baseUrl: string;
  apiKey?: string | null;
  /** The backend's name: error messages start with it rather than with its address. */
  label?: string;
  /** Sent with every request (a proxy's token, a tenant header). */
  headers?: Record<string, string>;
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
  /** What Ollama's /api/show lists: completion, thinking, tools, vision, … */
  capabilities?: string[];
  /** Who the server says owns it (OpenAI-compatible /v1/models' owned_by). */
  ownedBy?: string;
  /**
   * Ollama, while the model is in memory (/api/ps): the share of it in VRAM. Below 1 the rest
   * runs on the CPU, which is what makes a big model's tokens/s collapse.
   */
  vramShare?: number;
  /** Ollama: when it unloads the model unless it is used again. */
  loadedUntil?: string;
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
   * Called once the request has left: its last bytes are handed to the operating system (or the
   * backend has begun to answer, if that comes first). The start of its timing, so that neither
   * the SDK's own work (tens of ms on its first call in a process) nor whatever else holds the
   * thread before the bytes go out (a database write, a connection being opened) is the model's.
   */
  onSent?: () => void;
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
  /**
   * The model's earlier answers held reasoning closed by a bare `</think>` (the prompt template
   * opened the tag): take its text as reasoning from the first token, not as a tentative answer.
   */
  reasoningFirst?: boolean;
  signal: AbortSignal;
}

/**
 * How a message's reasoning arrived: in a field of its own (`thinking`, `reasoning_content`),
 * between `<think>` tags in the content, or in the content up to a bare `</think>`.
 */
export type ReasoningFormat = 'field' | 'tags' | 'closing-tag';

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
  /**
   * Answer text. `tentative` while the stream has not told reasoning from answer yet: a bare
   * `</think>` may still come and turn all of it into reasoning (`reclassify`).
   */
  | { type: 'content'; text: string; tentative?: true }
  /** All content so far was reasoning: a bare `</think>` closed a block that never opened. */
  | { type: 'reclassify' }
  /**
   * Text arrived that shows in neither stream, at least not yet: a `<think>` tag, what may be
   * the start of one, or the blank lines after one. It is a token all the same (timing).
   */
  | { type: 'hidden' }
  /** The stream has shown how its reasoning arrives; sent once, when it first does. */
  | { type: 'format'; format: ReasoningFormat }
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
